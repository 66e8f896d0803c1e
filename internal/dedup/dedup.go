// Package dedup finds near-duplicate texts — the same wire story republished
// by several outlets with different furniture and light rewording — with word
// shingles, MinHash signatures and LSH banding. Everything here is a pure,
// deterministic function, so signatures computed today match those stored
// yesterday and a store can index the band keys.
package dedup

import (
	"encoding/binary"
	"errors"
	"hash/fnv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Defaults tuned on the project's samples: 5-word shingles, 120 hashes cut
// into 40 bands of 3 rows, and a Jaccard threshold of 0.5. A wire story
// retold by a second outlet with a new headline and a handful of swapped
// words ("officials" for "sources", "blast" for "explosion") scores about
// 0.65, because every changed word breaks five shingles; unrelated reports,
// even about the same town, score below 0.05. With 40×3 bands a pair at
// J=0.5 becomes a candidate with probability 0.995, one at J=0.05 with
// 0.005, so the candidate lookup stays small as the store grows.
const (
	DefaultShingle   = 5
	DefaultHashes    = 120
	DefaultBands     = 40
	DefaultThreshold = 0.5
)

// ErrConfig reports parameters that cannot form a signature or bands.
var ErrConfig = errors.New("dedup: invalid configuration")

// Signature is a MinHash signature: for each hash function, the minimum
// hash over the text's shingles. Two signatures agree in a position with
// probability equal to the Jaccard similarity of the shingle sets.
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
// one shingle of all its words; an empty text yields none.
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
	seen := make(map[uint64]struct{}, len(toks))
	out := make([]uint64, 0, len(toks)-k+1)
	h := fnv.New64a()
	for i := 0; i+k <= len(toks); i++ {
		h.Reset()
		for j := i; j < i+k; j++ {
			_, _ = h.Write([]byte(toks[j]))
			_, _ = h.Write([]byte{0})
		}
		s := h.Sum64()
		if _, ok := seen[s]; ok {
			continue
		}
		seen[s] = struct{}{}
		out = append(out, s)
	}
	return out
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

// coeffs derives n deterministic (multiplier, offset) pairs from a fixed
// constant; multipliers are odd so each h(x) = a*x + b is a bijection.
func coeffs(n int) (a, b []uint64) {
	a, b = make([]uint64, n), make([]uint64, n)
	s := uint64(0x5172e9_0000_d00d)
	for i := range a {
		s += 0x9e3779b97f4a7c15
		a[i] = mix(s) | 1
		s += 0x9e3779b97f4a7c15
		b[i] = mix(s)
	}
	return a, b
}

// MinHash computes an n-function signature of a shingle set. An empty set
// gives nil: it has no meaningful similarity to anything.
func MinHash(shingles []uint64, n int) Signature {
	if len(shingles) == 0 || n < 1 {
		return nil
	}
	a, b := coeffs(n)
	sig := make(Signature, n)
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for _, s := range shingles {
		x := mix(s) // FNV's low bits are weak; scramble once per shingle
		for i := range sig {
			if v := a[i]*x + b[i]; v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// Sign is MinHash over Shingles with the package defaults. It gives the
// same signature as MinHash(Shingles(text, DefaultShingle), DefaultHashes),
// which stays the reference, without building a string per token or the
// shingle set: a minimum does not change when a shingle comes twice.
// Signing is on ingest's path for every article.
func Sign(text string) Signature {
	var s signer
	return s.sign(text, DefaultShingle)
}

// defaultCoeffs are the hash coefficients of a DefaultHashes signature,
// computed once; read-only.
var defaultCoeffs = func() [2][]uint64 {
	a, b := coeffs(DefaultHashes)
	return [2][]uint64{a, b}
}()

// FNV-1a, as hash/fnv computes it.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// signer holds Sign's working buffers.
type signer struct {
	buf  []byte  // the lower-cased tokens, back to back
	ends []int32 // where each token ends in buf
}

// tokens splits text as Tokens does, into s.buf and s.ends.
func (s *signer) tokens(text string) {
	s.buf = make([]byte, 0, len(text))
	s.ends = make([]int32, 0, len(text)/4)
	in := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
				s.buf, in = append(s.buf, c), true
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			// Invalid bytes become U+FFFD in strings.ToLower, which is
			// neither letter nor number.
			if r = unicode.ToLower(r); r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsNumber(r)) {
				s.buf, in = utf8.AppendRune(s.buf, r), true
				continue
			}
		}
		if in {
			s.ends, in = append(s.ends, int32(len(s.buf))), false
		}
	}
	if in {
		s.ends = append(s.ends, int32(len(s.buf)))
	}
}

func (s *signer) sign(text string, k int) Signature {
	s.tokens(text)
	n := len(s.ends)
	if n == 0 {
		return nil
	}
	k = min(max(k, 1), n)
	ca, cb := defaultCoeffs[0], defaultCoeffs[1]
	sig := make(Signature, len(ca))
	ca, cb = ca[:len(sig)], cb[:len(sig)]
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for i := 0; i+k <= n; i++ {
		start := int32(0)
		if i > 0 {
			start = s.ends[i-1]
		}
		h := uint64(fnvOffset)
		for j := i; j < i+k; j++ {
			for _, c := range s.buf[start:s.ends[j]] {
				h = (h ^ uint64(c)) * fnvPrime
			}
			h *= fnvPrime // the 0 byte after each token: h ^ 0 is h
			start = s.ends[j]
		}
		x := mix(h)
		for j := range sig {
			if v := ca[j]*x + cb[j]; v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig
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

// Bands cuts a signature into b bands and hashes each band, with its index,
// into one key. Two signatures that share any key are candidates for a
// closer look. The keys fit an int64 column as they are.
func Bands(sig Signature, b int) ([]int64, error) {
	if b < 1 || len(sig) == 0 || len(sig)%b != 0 {
		return nil, ErrConfig
	}
	rows := len(sig) / b
	keys := make([]int64, b)
	buf := make([]byte, 8)
	for i := range keys {
		h := fnv.New64a()
		binary.LittleEndian.PutUint64(buf, uint64(i))
		_, _ = h.Write(buf)
		for _, v := range sig[i*rows : (i+1)*rows] {
			binary.LittleEndian.PutUint64(buf, v)
			_, _ = h.Write(buf)
		}
		keys[i] = int64(h.Sum64())
	}
	return keys, nil
}

// Encode serialises a signature for storage: 8 bytes per value,
// little-endian.
func (s Signature) Encode() []byte {
	out := make([]byte, 8*len(s))
	for i, v := range s {
		binary.LittleEndian.PutUint64(out[8*i:], v)
	}
	return out
}

// Decode reads a signature written by Encode.
func Decode(b []byte) (Signature, error) {
	if len(b)%8 != 0 {
		return nil, errors.New("dedup: decode signature: length not a multiple of 8")
	}
	sig := make(Signature, len(b)/8)
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return sig, nil
}
