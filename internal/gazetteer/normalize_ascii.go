package gazetteer

// maxFastTokens is the most words normalizeASCII handles on the stack;
// longer names take the general path.
const maxFastTokens = 16

// normalizeASCII computes Normalize for ASCII text in stack buffers: the
// same folding, decoration dropping, assimilation, digraph and doubled-letter
// rules, with one allocation for the key.
func normalizeASCII(name string) string {
	var lowBuf [96]byte
	var bounds [maxFastTokens][2]int
	low, n := lowBuf[:0], 0
	start := -1
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == '\'' || c == '`':
			continue // dropped without splitting, as in foldTokens
		default:
			if start >= 0 {
				if n == maxFastTokens {
					return normalizeGeneral(name)
				}
				bounds[n] = [2]int{start, len(low)}
				n++
				start = -1
			}
			continue
		}
		if start < 0 {
			start = len(low)
		}
		low = append(low, c)
	}
	if start >= 0 {
		if n == maxFastTokens {
			return normalizeGeneral(name)
		}
		bounds[n] = [2]int{start, len(low)}
		n++
	}
	keep := dropDecorationsIdx(low, bounds[:n])
	var joinBuf [96]byte
	joined := joinBuf[:0]
	for k, b := range keep {
		joined = assimilateBytes(joined, low[b[0]:b[1]], k > 0)
	}
	return phoneticBytes(joined)
}

// dropDecorationsIdx is dropDecorations over token bounds into low; the
// bounds are filtered in place.
func dropDecorationsIdx(low []byte, toks [][2]int) [][2]int {
	all := len(toks)
	var outBuf [maxFastTokens][2]int
	out := outBuf[:0]
	for i, b := range toks {
		t := low[b[0]:b[1]]
		if all > 1 && len(t) <= maxArticleLen && articles[string(t)] {
			continue // a one-word name (most of the scan's) looks up no table
		}
		if i == 0 && all > 1 && typePrefixes[string(t)] {
			continue
		}
		out = append(out, b)
	}
	for len(out) > 1 && typeWords[string(low[out[len(out)-1][0]:out[len(out)-1][1]])] {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return toks
	}
	return toks[:copy(toks, out)]
}

// assimilateBytes appends assimilate(t, inner) to dst.
func assimilateBytes(dst, t []byte, inner bool) []byte {
	if inner && len(t) >= 5 && (t[0] == 'a' || t[0] == 'e') && t[1] == t[2] && isSunLetter(t[1]) {
		t = t[2:]
	}
	for i := 2; i+2 < len(t); i++ {
		if (t[i] == 'u' || t[i] == 'e') && t[i+1] == t[i+2] && isSunLetter(t[i+1]) && i+3 < len(t) {
			dst = append(dst, t[:i]...)
			return append(dst, t[i+2:]...)
		}
	}
	return append(dst, t...)
}

func isSunLetter(c byte) bool {
	return c == 'd' || c == 's' || c == 't' || c == 'r' || c == 'z'
}

// phoneticBytes is phonetic over bytes: the digraphs replacer's rewrites
// (at each position the one pair that can match there, as no two share
// their first two letters) followed by the y-as-i, doubled-letter and
// silent-h rules.
func phoneticBytes(s []byte) string {
	var repBuf [96]byte
	r := repBuf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		var next byte
		if i+1 < len(s) {
			next = s[i+1]
		}
		if c == 'q' {
			r = append(r, 'k')
			continue
		}
		if out, ok := digraph(c, next); ok {
			r = append(r, out)
			i++
			continue
		}
		r = append(r, c)
	}
	yAsI(r)
	var outBuf [96]byte
	out := outBuf[:0]
	for i := 0; i < len(r); i++ {
		c := r[i]
		if i > 0 && r[i-1] == c {
			continue
		}
		if c == 'h' && i > 0 && isVowel(r[i-1]) && (i+1 == len(r) || !isVowel(r[i+1])) {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// digraph is the one-letter rewrite of the pair c, next, as in digraphs.
func digraph(c, next byte) (byte, bool) {
	switch c {
	case 'k', 'g':
		if next == 'h' {
			return 'k', true
		}
	case 'c':
		if next == 'k' {
			return 'k', true
		}
	case 'd':
		if next == 'h' {
			return 'd', true
		}
	case 't':
		if next == 'h' {
			return 't', true
		}
	case 'p':
		if next == 'h' {
			return 'f', true
		}
	case 'o':
		switch next {
		case 'u', 'o':
			return 'u', true
		case 'w':
			return 'o', true
		}
	case 'e':
		switch next {
		case 'e':
			return 'i', true
		case 'i', 'y':
			return 'e', true
		}
	case 'i':
		if next == 'y' {
			return 'i', true
		}
	case 'a':
		switch next {
		case 'y', 'i':
			return 'e', true
		case 'w', 'u':
			return 'o', true
		}
	}
	return 0, false
}
