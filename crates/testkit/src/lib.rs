//! Helpers shared by Nestling's tests, benchmarks and generated test data.
//!
//! Today it holds the one deterministic generator every generated journal, generated library
//! and crash test draws from, so that the same seed gives the same data in every crate. It has
//! no dependencies and is never part of the app: the crates that use it take it as a
//! dev-dependency or behind their `testdata` feature. It knows nothing of journals or articles.

/// A small, fast, deterministic pseudo-random generator (SplitMix64).
///
/// The same seed always yields the same sequence, on every platform: benchmarks, snapshot tests
/// and crash tests depend on that, so the arithmetic here must never change.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator that always yields the same sequence for the same seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` must not be zero).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// A position in `0..len` (`len` must not be zero), as [`Rng::below`] draws it.
    pub fn index(&mut self, len: usize) -> usize {
        let len = u64::try_from(len).unwrap_or(u64::MAX);
        usize::try_from(self.below(len)).unwrap_or(0)
    }

    /// A number in `0..=max`.
    pub fn up_to(&mut self, max: u64) -> u64 {
        self.next_u64() % max.saturating_add(1)
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: i64, high: i64) -> i64 {
        low + self.below((high - low + 1).max(1) as u64) as i64
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// A uniformly chosen item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }

    /// An item of a non-empty slice, the `k`-th about `1/k` as likely as the first (Zipf's law,
    /// as words in real text follow).
    pub fn skewed<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let unit = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let idx = ((items.len() + 1) as f64).powf(unit) as usize;
        &items[idx.saturating_sub(1).min(items.len() - 1)]
    }

    /// An item of `(item, weight)` pairs, chosen in proportion to the weights.
    pub fn weighted<'a, T>(&mut self, items: &'a [(T, u64)]) -> &'a T {
        let total: u64 = items.iter().map(|(_, w)| w).sum();
        let mut roll = self.below(total);
        for (item, weight) in items {
            if roll < *weight {
                return item;
            }
            roll -= weight;
        }
        &items[items.len() - 1].0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_of_a_seed_never_changes() {
        let mut rng = Rng::new(0);
        let first: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        assert_eq!(
            first,
            [
                0xE220_A839_7B1D_CDAF,
                0x6E78_9E6A_A1B9_65F4,
                0x06C4_5D18_8009_454F
            ]
        );
    }

    #[test]
    fn draws_stay_in_their_ranges() {
        let mut rng = Rng::new(42);
        for _ in 0..1000 {
            assert!(rng.below(7) < 7);
            assert!(rng.index(3) < 3);
            assert!(rng.up_to(5) <= 5);
            assert!((-2..=2).contains(&rng.between(-2, 2)));
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_picks() {
        let items = ["a", "b", "c", "d"];
        let mut one = Rng::new(9);
        let mut two = Rng::new(9);
        let a: Vec<_> = (0..20).map(|_| one.pick(&items)).collect();
        let b: Vec<_> = (0..20).map(|_| two.pick(&items)).collect();
        assert_eq!(a, b);
    }
}
