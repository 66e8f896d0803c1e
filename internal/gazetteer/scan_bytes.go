package gazetteer

// foldBytes marks the ASCII bytes isFoldByte accepts (letters and digits),
// for the tokenizer's byte loop: an index instead of three range tests.
var foldBytes = func() (t [256]bool) {
	for c := range 256 {
		t[c] = isFoldByte(byte(c))
	}
	return t
}()
