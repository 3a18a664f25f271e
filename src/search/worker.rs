//! The search worker: a background thread that owns the engine, runs the
//! latest query and reports back tagged with the query's generation number,
//! so the UI never waits and drops results that arrive after a newer query
//! was typed. Queued queries that were overtaken are skipped unrun.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use super::{Engine, Hit, Session};

/// Results of one query.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub generation: u64,
    pub query: String,
    pub hits: Vec<Hit>,
}

/// Handle to the worker thread; dropping it stops the thread.
#[derive(Debug)]
pub struct Worker {
    tx: Sender<(u64, String)>,
    generation: u64,
}

impl Worker {
    /// Start the worker. `deliver` is called on the worker thread with the
    /// results of each query it runs.
    pub fn spawn(
        engine: Arc<Engine>,
        limit: usize,
        deliver: impl Fn(Results) + Send + 'static,
    ) -> Worker {
        let (tx, rx) = mpsc::channel::<(u64, String)>();
        std::thread::Builder::new()
            .name("search".into())
            .spawn(move || run(&engine, limit, &rx, &deliver))
            .map(|_| ())
            .unwrap_or_else(|e| eprintln!("briefing: cannot start the search thread: {e}"));
        Worker { tx, generation: 0 }
    }

    /// Queue a query; returns its generation number.
    pub fn request(&mut self, query: &str) -> u64 {
        self.generation += 1;
        let _ = self.tx.send((self.generation, query.to_string()));
        self.generation
    }

    /// The generation of the latest query.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

fn run(engine: &Engine, limit: usize, rx: &Receiver<(u64, String)>, deliver: &dyn Fn(Results)) {
    // What the last query found, reused when the next one only grew.
    let mut session = Session::default();
    while let Ok(mut req) = rx.recv() {
        // Only the newest query matters.
        while let Ok(newer) = rx.try_recv() {
            req = newer;
        }
        let hits = engine.search_with(&mut session, &req.1, limit);
        deliver(Results {
            generation: req.0,
            query: req.1,
            hits,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::Brief;

    #[test]
    fn reports_results_tagged_with_generations() {
        let b = Brief {
            id: "x".into(),
            title: "Armenia and Azerbaijan sign a peace framework".into(),
            ..Brief::default()
        };
        let engine = Arc::new(Engine::new(&[b]));
        let (tx, rx) = mpsc::channel();
        let mut w = Worker::spawn(engine, 10, move |r| {
            let _ = tx.send(r);
        });
        let g1 = w.request("peace");
        let g2 = w.request("armenia peace");
        assert!(g2 > g1);
        assert_eq!(w.generation(), g2);
        // The last result always arrives; an overtaken one may be skipped.
        let mut last = None;
        while let Ok(r) = rx.recv_timeout(std::time::Duration::from_secs(5)) {
            let done = r.generation == g2;
            last = Some(r);
            if done {
                break;
            }
        }
        let last = last.expect("results");
        assert_eq!(last.generation, g2);
        assert_eq!(last.query, "armenia peace");
        assert_eq!(last.hits.len(), 1);
    }
}
