//! Fixtures the tests generate themselves (nothing downloaded, nothing
//! binary committed).

#![allow(dead_code)]

/// A minimal PDF 1.4 file written by hand: one page per entry of `pages`,
/// each line of text set in the standard Helvetica font (WinAnsiEncoding,
/// so Latin-1 letters work) 14 points below the previous one. Pages given as
/// `None` have no text layer: they only paint a grey rectangle, like a scan.
pub fn pdf(pages: &[Option<&[&str]>]) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = Vec::new();
    // 1: catalog, 2: page tree, 3: font; then a page and its content each.
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", 4 + 2 * i))
        .collect();
    objects.push(
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        )
        .into_bytes(),
    );
    objects.push(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    );
    for (i, page) in pages.iter().enumerate() {
        let content_id = 5 + 2 * i;
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
                 /Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>"
            )
            .into_bytes(),
        );
        let mut stream: Vec<u8> = Vec::new();
        match page {
            Some(lines) => {
                stream.extend_from_slice(b"BT /F1 11 Tf 14 TL 72 770 Td\n");
                for line in *lines {
                    stream.push(b'(');
                    for c in line.chars() {
                        match c {
                            '(' | ')' | '\\' => {
                                stream.push(b'\\');
                                stream.push(c as u8);
                            }
                            c if (c as u32) < 256 => stream.push(c as u32 as u8),
                            _ => stream.push(b'?'),
                        }
                    }
                    stream.extend_from_slice(b") Tj T*\n");
                }
                stream.extend_from_slice(b"ET\n");
            }
            None => stream.extend_from_slice(b"0.5 g 72 72 451 698 re f\n"),
        }
        let mut obj = format!("<< /Length {} >>\nstream\n", stream.len()).into_bytes();
        obj.extend_from_slice(&stream);
        obj.extend_from_slice(b"\nendstream");
        objects.push(obj);
    }
    let mut out: Vec<u8> = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, obj) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(obj);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}
