//! A table from words packed into numbers (see `packed_word`) to indices,
//! for the first words of the lexicon's forms: every word token of a
//! document is looked up in it, and nearly none is there.

/// The filter has 2^17 bits (16 KiB, in a corner of the L1 cache): with the
/// six thousand keys of the built-in lexicon, about one absent word in 20
/// gets through to the slots.
const FILTER_BITS_LOG2: u32 = 17;
const FILTER_WORDS: usize = 1 << (FILTER_BITS_LOG2 - 6);

/// The low half of a free slot's key: no packed word has a byte of 0xFF
/// (they are ASCII).
const FREE: u64 = u64::MAX;

/// Packed words (up to 16 bytes, as two halves) → a number, behind a filter
/// of one bit per hash value: testing a bit answers most "is it there?"
/// questions, and a slot is read only where the bit is set. Its size is
/// fixed so that the bit's index needs no bounds check; the slots are open
/// addressing with linear probing, at most half full, so that a probe ends
/// at a free slot soon.
pub(super) struct PackedIndex {
    filter: Box<[u64; FILTER_WORDS]>,
    slots: Box<[Slot]>,
    /// 64 minus the log2 of the number of slots: the top bits of the hash index them.
    slot_shift: u32,
}

#[derive(Clone, Copy)]
struct Slot {
    low: u64,
    high: u64,
    value: u32,
}

/// One multiplication; for a word of eight bytes or fewer (`high` zero)
/// only the low half counts.
#[inline]
fn hash(low: u64, high: u64) -> u64 {
    (low ^ high.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl PackedIndex {
    /// The index of `entries` (a key appears once).
    pub(super) fn new(entries: &[(u128, u32)]) -> PackedIndex {
        let len = (entries.len() * 2).next_power_of_two().max(16);
        let mut index = PackedIndex {
            filter: vec![0; FILTER_WORDS].into_boxed_slice().try_into().expect("FILTER_WORDS words"),
            slots: vec![Slot { low: FREE, high: 0, value: 0 }; len].into_boxed_slice(),
            slot_shift: 64 - len.trailing_zeros(),
        };
        for &(key, value) in entries {
            let (low, high) = (key as u64, (key >> 64) as u64);
            assert_ne!(low, FREE, "a packed word is ASCII");
            let h = hash(low, high);
            let bit = (h >> (64 - FILTER_BITS_LOG2)) as usize;
            index.filter[bit / 64] |= 1 << (bit % 64);
            let mut i = (h >> index.slot_shift) as usize;
            while index.slots[i].low != FREE {
                assert!(index.slots[i].low != low || index.slots[i].high != high, "a key appears once");
                i = (i + 1) & (len - 1);
            }
            index.slots[i] = Slot { low, high, value };
        }
        index
    }

    /// The number stored for the packed word `key`.
    #[inline]
    pub(super) fn get(&self, key: u128) -> Option<u32> {
        let (low, high) = (key as u64, (key >> 64) as u64);
        let h = hash(low, high);
        let bit = (h >> (64 - FILTER_BITS_LOG2)) as usize;
        if self.filter[bit / 64] & 1 << (bit % 64) == 0 {
            return None;
        }
        self.probe(low, high, h)
    }

    /// [`PackedIndex::get`] for a word of eight bytes or fewer.
    #[inline]
    pub(super) fn get_short(&self, key: u64) -> Option<u32> {
        let h = hash(key, 0);
        let bit = (h >> (64 - FILTER_BITS_LOG2)) as usize;
        if self.filter[bit / 64] & 1 << (bit % 64) == 0 {
            return None;
        }
        self.probe(key, 0, h)
    }

    /// The slots, out of line: about one word token in eight gets here, and
    /// the loop over all of them needs the registers.
    #[inline(never)]
    fn probe(&self, low: u64, high: u64, h: u64) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut i = (h >> self.slot_shift) as usize;
        loop {
            let slot = self.slots[i & mask];
            if slot.low == low && slot.high == high {
                return Some(slot.value);
            }
            if slot.low == FREE {
                return None;
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_and_nothing_else() {
        let entries: Vec<(u128, u32)> = (0..5000u32).map(|i| (u128::from(i) * 0x0101_0301 + (u128::from(i % 7) << 64), i)).collect();
        let index = PackedIndex::new(&entries);
        for &(key, value) in &entries {
            assert_eq!(index.get(key), Some(value));
        }
        for i in 0..5000u32 {
            assert_eq!(index.get(u128::from(i) * 0x0101_0301 + 1 + (1 << 100)), None);
        }
        assert_eq!(PackedIndex::new(&[]).get(0), None);
    }
}
