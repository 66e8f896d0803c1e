package eventtype

// keyFilter is a set of bits, one per hash of a map key's length and
// first, second and last bytes. Most words of a text open no pattern; when
// a word's bit is clear it is no key, and the map lookup (hashing the whole
// word) is skipped. A set bit only means "look it up".
type keyFilter [filterWords]uint64

const filterWords = 256 // 16,384 bits, 2 KiB

func filterBit(s string) uint {
	if s == "" {
		return 0
	}
	h := uint(len(s))*0x9e37 ^ uint(s[0])*0x85eb ^ uint(s[len(s)-1])*0xc2b3
	if len(s) > 1 {
		h ^= uint(s[1]) * 0x27d5
	}
	return (h ^ h>>14) % (filterWords * 64)
}

func (f *keyFilter) add(s string) {
	b := filterBit(s)
	f[b/64] |= 1 << (b % 64)
}

// mayHave reports false only for strings never added.
func (f *keyFilter) mayHave(s string) bool {
	b := filterBit(s)
	return f[b/64]&(1<<(b%64)) != 0
}
