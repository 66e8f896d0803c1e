// Package dedup finds near-duplicate texts — the same wire story republished
// by several outlets with different furniture and light rewording — with word
// shingles, one-permutation MinHash signatures and LSH banding. Everything
// here is a pure, deterministic function, so signatures computed today match
// those stored yesterday (of the same Version) and a store can index the
// band keys.
package dedup

import (
	"encoding/binary"
	"errors"
	"hash/fnv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Defaults tuned on the project's samples: 5-word shingles, a signature of
// 128 one-permutation MinHash values, 26 bands of 2 rows over its first 52
// values of which two texts must share 2 to be compared, and a Jaccard
// threshold of 0.5. A wire story retold by a second outlet with a new
// headline and a handful of swapped words ("officials" for "sources",
// "blast" for "explosion") scores about 0.65, because every changed word
// breaks five shingles; unrelated reports, even about the same town, score
// below 0.05. A pair at J=0.5 becomes a candidate with probability 0.994
// (0.98 at J=0.45, 0.94 at J=0.4), one at J=0.02 with 5e-5. The 40 bands of
// 3 rows used before had the same curve near the threshold (0.995 at 0.5)
// but 3e-4 at J=0.02, where reports written with the same stock phrases
// sit, and each band costs the store an index seek and an index entry per
// article: 26 bands and the second shared band as the filter cost less.
const (
	DefaultShingle   = 5
	DefaultHashes    = 128
	DefaultBands     = 26
	DefaultRows      = 2
	DefaultMinShared = 2
	DefaultThreshold = 0.5
)

// Version names the signature and band scheme. Stored signatures and band
// keys are only comparable with those of the same version, so a store
// records the version it signed with and signs its articles again when it
// changes.
const Version = "oph128v32-b26r2m2-k32"

// ErrConfig reports parameters that cannot form a signature or bands.
var ErrConfig = errors.New("dedup: invalid configuration")

// Signature is a MinHash signature: for each position, the minimum hash
// over the text's shingles that fell into it (see OnePermutation). Two
// signatures agree in a position with probability equal to the Jaccard
// similarity of the shingle sets.
type Signature []uint64

// Tokens splits text into lower-cased words: runs of letters and digits.
// Punctuation, quotes and dashes separate words, so "al-Shabaab" and
// "al Shabaab" yield the same tokens.
func Tokens(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// Shingles returns the set of k-word shingles of text as 64-bit hashes,
// deduplicated and in first-seen order. A text shorter than k words yields
// one shingle of all its words; an empty text yields none. A shingle's hash
// folds its words' FNV-1a hashes (shingleHash), so each word is hashed
// once however many shingles it is part of.
func Shingles(text string, k int) []uint64 {
	if k < 1 {
		k = 1
	}
	toks := Tokens(text)
	if len(toks) == 0 {
		return nil
	}
	if len(toks) < k {
		k = len(toks)
	}
	th := make([]uint64, len(toks))
	for i, t := range toks {
		h := fnv.New64a()
		_, _ = h.Write([]byte(t))
		th[i] = h.Sum64()
	}
	seen := make(map[uint64]struct{}, len(toks))
	out := make([]uint64, 0, len(toks)-k+1)
	for i := 0; i+k <= len(toks); i++ {
		s := shingleHash(th[i : i+k])
		if _, ok := seen[s]; ok {
			continue
		}
		seen[s] = struct{}{}
		out = append(out, s)
	}
	return out
}

// shingleHash folds word hashes, in order, into a shingle's hash.
func shingleHash(words []uint64) uint64 {
	h := uint64(fnvOffset)
	for _, w := range words {
		h = (h ^ w) * fnvPrime
	}
	return h
}

// mix is the splitmix64 finalizer: a cheap bijective scrambler of 64 bits.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// empty marks a bin no shingle fell into, before densification.
const empty = ^uint64(0)

// OnePermutation computes a k-value one-permutation MinHash signature of a
// shingle set: one hash per shingle (instead of one per shingle and value)
// picks the shingle's bin and is its value, and each bin keeps its
// minimum. Bins no shingle fell into are filled by densify. Position i of
// two signatures agrees with probability equal to the Jaccard similarity
// of the sets, as with k independent hash functions, at a k-th of the
// cost. An empty set gives nil: it has no meaningful similarity to
// anything. Sign is the fast path for text; this is the reference.
func OnePermutation(shingles []uint64, k int) Signature {
	if len(shingles) == 0 || k < 1 {
		return nil
	}
	sig := newSig(k)
	for _, s := range shingles {
		sig.add(mix(s)) // FNV's low bits are weak; scramble once per shingle
	}
	sig.finish()
	return sig
}

func newSig(k int) Signature {
	sig := make(Signature, k)
	for i := range sig {
		sig[i] = empty
	}
	return sig
}

// add puts a scrambled shingle hash x into its bin, chosen by its high 32
// bits. The value kept is x itself, so values of different bins never
// agree.
func (s Signature) add(x uint64) {
	i := (x >> 32) * uint64(len(s)) >> 32
	if x < s[i] {
		s[i] = x
	}
}

// finish densifies the signature and keeps the low 32 bits of each value:
// two 64-bit minima that differ agree in their low halves with
// probability 2^-32, too rarely to move an estimate, and a stored
// signature is half the size (Encode).
func (s Signature) finish() {
	s.densify()
	for i, v := range s {
		s[i] = v & 0xffffffff
	}
}

// densify fills each empty bin with the value of a non-empty one, chosen
// by a probe sequence that depends only on the bin's index (optimal
// densification, Shrivastava 2017). Two sets both empty in bin i probe the
// same bins and stop at the first bin non-empty in either; they agree
// there exactly when the minimum of their union in that bin is shared, so
// agreement keeps probability J. Donors are only bins that were non-empty
// before densifying.
func (s Signature) densify() {
	k := len(s)
	var holes []int
	for i, v := range s {
		if v == empty {
			holes = append(holes, i)
		}
	}
	if len(holes) == 0 || len(holes) == k {
		return
	}
	full := make([]bool, k)
	for i, v := range s {
		full[i] = v != empty
	}
	for _, i := range holes {
		s[i] = s[donor(full, i)]
	}
}

// donor is the first non-empty bin of bin i's probe sequence: hashed
// probes first, then, should they all miss (a set with very few bins
// filled), the next filled bin after i.
func donor(full []bool, i int) int {
	k := uint64(len(full))
	for t := uint64(1); t <= 8*k; t++ {
		j := (mix(0x6f70685f64656e73^uint64(i)<<32^t) >> 32) * k >> 32
		if full[j] {
			return int(j)
		}
	}
	for j := (i + 1) % len(full); ; j = (j + 1) % len(full) {
		if full[j] {
			return j
		}
	}
}

// Sign is OnePermutation over Shingles with the package defaults. It gives
// the same signature as OnePermutation(Shingles(text, DefaultShingle),
// DefaultHashes), which stays the reference, without building a string per
// token or the shingle set: a minimum does not change when a shingle comes
// twice. Signing is on ingest's path for every article.
func Sign(text string) Signature {
	var s signer
	return s.sign(text, DefaultShingle)
}

// FNV-1a, as hash/fnv computes it.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// signer is Sign's state: the hashes of the last words in a ring whose
// size is a power of two at least k, the words seen, and the signature.
type signer struct {
	ring [8]uint64
	k, n int
	sig  Signature
}

// word takes the next word's hash and, once k words are in, adds the
// shingle ending with it.
func (s *signer) word(h uint64) {
	s.ring[s.n&7] = h
	s.n++
	if s.n >= s.k {
		s.sig.add(mix(s.shingle(s.k)))
	}
}

// shingle is shingleHash over the last m words.
func (s *signer) shingle(m int) uint64 {
	h := uint64(fnvOffset)
	for i := s.n - m; i < s.n; i++ {
		h = (h ^ s.ring[i&7]) * fnvPrime
	}
	return h
}

// sign splits text into words as Tokens does, hashing each word's
// lower-cased bytes with FNV-1a as it goes. k is at most the ring's size
// (8); Sign uses DefaultShingle.
func (s *signer) sign(text string, k int) Signature {
	s.k, s.n, s.sig = min(max(k, 1), len(s.ring)), 0, newSig(DefaultHashes)
	h, in := uint64(fnvOffset), false
	var rb [utf8.UTFMax]byte
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
				h, in = (h^uint64(c))*fnvPrime, true
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			// Invalid bytes become U+FFFD in strings.ToLower, which is
			// neither letter nor number.
			if r = unicode.ToLower(r); r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsNumber(r)) {
				for _, b := range rb[:utf8.EncodeRune(rb[:], r)] {
					h = (h ^ uint64(b)) * fnvPrime
				}
				in = true
				continue
			}
		}
		if in {
			s.word(h)
			h, in = fnvOffset, false
		}
	}
	if in {
		s.word(h)
	}
	switch {
	case s.n == 0:
		return nil
	case s.n < s.k:
		s.sig.add(mix(s.shingle(s.n))) // one shingle of all the words
	}
	s.sig.finish()
	return s.sig
}

// Similarity estimates the Jaccard similarity of the sets behind two
// signatures: the share of positions where they agree. Signatures of
// different lengths, or empty ones, have similarity 0.
func Similarity(a, b Signature) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// Jaccard is the exact Jaccard similarity of two shingle sets, for tests
// and tuning.
func Jaccard(a, b []uint64) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	set := make(map[uint64]struct{}, len(a))
	for _, x := range a {
		set[x] = struct{}{}
	}
	inter := 0
	union := len(set)
	for _, x := range b {
		if _, ok := set[x]; ok {
			inter++
		} else {
			union++
		}
	}
	return float64(inter) / float64(union)
}

// Bands hashes b bands of r rows, taken from the start of the signature,
// each with its index, into one key per band. Two signatures that share
// any key are candidates for a closer look. Keys are 32-bit (held in an
// int64): a store indexes one per band and article, and SQLite stores a
// small integer in fewer bytes, so the index has a quarter fewer pages to
// seek through and write. A chance collision of two keys costs a
// candidate that the similarity check then drops; with DefaultMinShared
// two must collide for the same pair.
func Bands(sig Signature, b, r int) ([]int64, error) {
	if b < 1 || r < 1 || len(sig) < b*r {
		return nil, ErrConfig
	}
	keys := make([]int64, b)
	for i := range keys {
		h := fnvWord(fnvOffset, uint64(i))
		for _, v := range sig[i*r : (i+1)*r] {
			h = fnvWord(h, v)
		}
		keys[i] = int64(int32(mix(h) >> 32))
	}
	return keys, nil
}

// BandKeys is Bands with the package defaults; nil for an empty signature.
func BandKeys(sig Signature) []int64 {
	keys, err := Bands(sig, DefaultBands, DefaultRows)
	if err != nil {
		return nil
	}
	return keys
}

// fnvWord feeds v's 8 little-endian bytes to an FNV-1a hash.
func fnvWord(h, v uint64) uint64 {
	for range 8 {
		h = (h ^ (v & 0xff)) * fnvPrime
		v >>= 8
	}
	return h
}

// Encode serialises a signature for storage: 4 bytes per value (finish
// keeps 32 bits), little-endian.
func (s Signature) Encode() []byte {
	out := make([]byte, 4*len(s))
	for i, v := range s {
		binary.LittleEndian.PutUint32(out[4*i:], uint32(v))
	}
	return out
}

// Decode reads a signature written by Encode.
func Decode(b []byte) (Signature, error) {
	if len(b)%4 != 0 {
		return nil, errors.New("dedup: decode signature: length not a multiple of 4")
	}
	sig := make(Signature, len(b)/4)
	for i := range sig {
		sig[i] = uint64(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return sig, nil
}
