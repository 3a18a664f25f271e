//! A scrolling list of items of varying height (wrapped paragraphs, list
//! rows): the selection, and the first visible line as (item, lines of it
//! skipped). Pure arithmetic over item heights, shared by update (keys,
//! wheel, clicks) and draw, so what you click is what you see.

/// Selection and scroll of one list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pane {
    pub selected: usize,
    /// First visible item.
    pub top: usize,
    /// Lines of `top` scrolled off above the view.
    pub skip: usize,
}

impl Pane {
    pub fn at(selected: usize) -> Pane {
        Pane {
            selected,
            top: 0,
            skip: 0,
        }
    }

    /// Keep the indices inside `0..n`.
    pub fn clamp(&mut self, n: usize) {
        let last = n.saturating_sub(1);
        self.selected = self.selected.min(last);
        if self.top > last {
            self.top = last;
            self.skip = 0;
        }
    }

    /// Scroll so the selected item is in view (all of it when it fits).
    pub fn ensure_visible(&mut self, heights: &[usize], view: usize) {
        if heights.is_empty() || view == 0 {
            *self = Pane::default();
            return;
        }
        self.clamp(heights.len());
        let sel = self.selected;
        if sel < self.top || (sel == self.top && self.skip > 0) {
            self.top = sel;
            self.skip = 0;
            return;
        }
        // Lines from the top of the view to the end of the selected item.
        let mut lines = heights[self.top].saturating_sub(self.skip);
        for h in &heights[self.top + 1..=sel] {
            lines += h;
        }
        if lines <= view {
            return;
        }
        if heights[sel] >= view {
            self.top = sel;
            self.skip = 0;
            return;
        }
        // Move the top down until the selected item's end is on screen.
        let mut top = sel;
        let mut used = heights[sel];
        while top > 0 && used + heights[top - 1] <= view {
            top -= 1;
            used += heights[top];
        }
        let spare = view - used;
        if top > 0 && spare > 0 {
            // Show the end of the item above in the spare lines.
            top -= 1;
            self.skip = heights[top] - spare;
        } else {
            self.skip = 0;
        }
        self.top = top;
    }

    /// Scroll so the selected item starts `context` lines below the top of
    /// the view, or as near as the end of the list allows (the last line
    /// stays at the bottom). For a jump: the passage is read from the top.
    pub fn show_near_top(&mut self, heights: &[usize], view: usize, context: usize) {
        if heights.is_empty() || view == 0 {
            return;
        }
        self.clamp(heights.len());
        let start: usize = heights[..self.selected].iter().sum();
        let total: usize = heights.iter().sum();
        let line = start
            .saturating_sub(context)
            .min(total.saturating_sub(view));
        self.set_top_line(heights, line);
    }

    /// Scroll the view by `lines` (positive: down), keeping the last line of
    /// the list at the bottom at most, then keep the selection in view by
    /// moving it (to the nearest selectable item).
    pub fn scroll(
        &mut self,
        heights: &[usize],
        view: usize,
        lines: i32,
        selectable: &dyn Fn(usize) -> bool,
    ) {
        if heights.is_empty() || view == 0 {
            return;
        }
        let total: usize = heights.iter().sum();
        let max_start = total.saturating_sub(view);
        let start = (self.line_of_top(heights) as i64 + lines as i64).clamp(0, max_start as i64);
        self.set_top_line(heights, start as usize);
        let (first, last) = self.visible(heights, view);
        if self.selected < first || self.selected > last {
            let range: Box<dyn Iterator<Item = usize>> = if self.selected < first {
                Box::new(first..=last)
            } else {
                Box::new((first..=last).rev())
            };
            for i in range {
                if selectable(i) {
                    self.selected = i;
                    break;
                }
            }
        }
    }

    /// The absolute line at the top of the view.
    fn line_of_top(&self, heights: &[usize]) -> usize {
        heights[..self.top.min(heights.len())].iter().sum::<usize>() + self.skip
    }

    fn set_top_line(&mut self, heights: &[usize], mut line: usize) {
        for (i, h) in heights.iter().enumerate() {
            if line < *h {
                self.top = i;
                self.skip = line;
                return;
            }
            line -= h;
        }
        self.top = heights.len().saturating_sub(1);
        self.skip = 0;
    }

    /// First and last item with at least one line in view.
    pub fn visible(&self, heights: &[usize], view: usize) -> (usize, usize) {
        let mut used = 0usize;
        let mut last = self.top;
        for (i, h) in heights.iter().enumerate().skip(self.top) {
            let shown = if i == self.top {
                h.saturating_sub(self.skip)
            } else {
                *h
            };
            last = i;
            used += shown;
            if used >= view {
                break;
            }
        }
        (self.top, last.min(heights.len().saturating_sub(1)))
    }

    /// The item drawn at `row` (0 = first line of the view).
    pub fn hit(&self, heights: &[usize], row: usize) -> Option<usize> {
        let mut line = 0usize;
        for (i, h) in heights.iter().enumerate().skip(self.top) {
            let shown = if i == self.top {
                h.saturating_sub(self.skip)
            } else {
                *h
            };
            if row < line + shown {
                return Some(i);
            }
            line += shown;
        }
        None
    }

    /// The item a page away (`down` or up) from the selection: as many lines
    /// as the view holds, at least one selectable item.
    pub fn page(
        &self,
        heights: &[usize],
        view: usize,
        down: bool,
        selectable: &dyn Fn(usize) -> bool,
    ) -> usize {
        let n = heights.len();
        if n == 0 {
            return 0;
        }
        let mut i = self.selected.min(n - 1);
        let mut moved = 0usize;
        let mut target = i;
        loop {
            let next = if down {
                if i + 1 >= n {
                    break;
                }
                i + 1
            } else {
                match i.checked_sub(1) {
                    Some(x) => x,
                    None => break,
                }
            };
            moved += heights[if down { i } else { next }];
            i = next;
            if selectable(i) {
                if moved > view.max(1) && target != self.selected {
                    break;
                }
                target = i;
            }
        }
        target
    }
}

/// The next selectable item after (`down`) or before `from`, if any.
pub fn step(
    from: usize,
    n: usize,
    down: bool,
    selectable: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    if down {
        (from + 1..n).find(|&i| selectable(i))
    } else {
        (0..from.min(n)).rev().find(|&i| selectable(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: &dyn Fn(usize) -> bool = &|_| true;

    #[test]
    fn selection_scrolls_into_view() {
        let h = [3, 3, 3, 3, 3];
        let mut p = Pane::at(0);
        p.ensure_visible(&h, 7);
        assert_eq!((p.top, p.skip), (0, 0));
        p.selected = 2;
        p.ensure_visible(&h, 7);
        // Items 1 and 2 fill 6 lines; the last line of item 0 fills the rest.
        assert_eq!((p.top, p.skip), (0, 2));
        assert_eq!(p.hit(&h, 0), Some(0));
        assert_eq!(p.hit(&h, 1), Some(1));
        assert_eq!(p.hit(&h, 6), Some(2));
        p.selected = 0;
        p.ensure_visible(&h, 7);
        assert_eq!((p.top, p.skip), (0, 0));
        // An item taller than the view starts at the top.
        let tall = [2, 20, 2];
        let mut p = Pane::at(1);
        p.ensure_visible(&tall, 5);
        assert_eq!((p.top, p.skip), (1, 0));
    }

    #[test]
    fn a_jump_lands_near_the_top() {
        let h = [3, 3, 3, 3, 3, 3, 3, 3];
        let mut p = Pane::at(4);
        p.show_near_top(&h, 7, 2);
        // Item 4 starts at line 12; two lines of item 3 above it.
        assert_eq!((p.top, p.skip), (3, 1));
        assert_eq!(p.hit(&h, 2), Some(4));
        // Near the end the list's last line stays at the bottom.
        let mut p = Pane::at(7);
        p.show_near_top(&h, 7, 2);
        assert_eq!(p.visible(&h, 7), (5, 7));
        let mut p = Pane::at(0);
        p.show_near_top(&h, 7, 2);
        assert_eq!((p.top, p.skip), (0, 0));
    }

    #[test]
    fn wheel_scrolls_lines_and_drags_the_selection_along() {
        let h = [2, 2, 2, 2, 2, 2];
        let mut p = Pane::at(0);
        p.scroll(&h, 4, 3, ALL);
        assert_eq!((p.top, p.skip), (1, 1));
        assert_eq!(p.selected, 1);
        p.scroll(&h, 4, 100, ALL);
        // The last line stays at the bottom.
        assert_eq!(p.visible(&h, 4), (4, 5));
        assert_eq!(p.selected, 4);
        p.scroll(&h, 4, -100, ALL);
        assert_eq!((p.top, p.skip, p.selected), (0, 0, 1));
    }

    #[test]
    fn pages_and_steps_skip_unselectable_items() {
        let h = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
        let odd = |i: usize| i % 2 == 1;
        let p = Pane::at(1);
        assert_eq!(p.page(&h, 4, true, &odd), 5);
        assert_eq!(Pane::at(9).page(&h, 4, false, &odd), 5);
        assert_eq!(Pane::at(9).page(&h, 4, true, &odd), 9);
        assert_eq!(step(1, 10, true, &odd), Some(3));
        assert_eq!(step(1, 10, false, &odd), None);
        assert_eq!(step(9, 10, true, &odd), None);
    }
}
