package ingest

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// An Arabic report written for this test: "Security forces repelled an
// attack on a checkpoint north of the city on Tuesday evening, and two
// soldiers were wounded, a military source said."
const arabicReport = "صدت قوات الأمن هجوما على نقطة تفتيش شمال المدينة مساء الثلاثاء، وأصيب جنديان بجروح، بحسب ما أفاد مصدر عسكري. وقال المصدر إن المهاجمين فروا باتجاه المناطق الزراعية القريبة بعد اشتباك استمر قرابة ساعة."

const arabicTitle = "هجوم على نقطة تفتيش شمال المدينة"

func cp1256(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1256.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeWindows1256(t *testing.T) {
	t.Run("html with meta charset", func(t *testing.T) {
		page := "<html><head><meta charset=\"windows-1256\"><title>" + arabicTitle + "</title></head><body><article><h1>" + arabicTitle + "</h1><p>" + arabicReport + "</p><p>" + arabicReport + "</p></article></body></html>"
		a, err := FromHTML("ar.html", "", cp1256(t, page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Encoding != "windows-1256" || !strings.Contains(a.Text, "قوات الأمن") {
			t.Fatalf("encoding %q, text %q", a.Encoding, a.Text)
		}
	})
	t.Run("http content type", func(t *testing.T) {
		text, enc, err := decodeText(cp1256(t, arabicReport), "text/plain; charset=windows-1256", false)
		if err != nil || enc != "windows-1256" || text != arabicReport {
			t.Fatalf("got %q %q %v", enc, text, err)
		}
	})
	t.Run("undeclared plain text is detected", func(t *testing.T) {
		a, err := FromText("ar.txt", cp1256(t, arabicTitle+"\n\n"+arabicReport+"\n"+arabicReport+"\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Encoding != "windows-1256" || !strings.Contains(a.Text, "مصدر عسكري") {
			t.Fatalf("encoding %q, text %q", a.Encoding, a.Text)
		}
	})
}

func TestDecodeOther(t *testing.T) {
	utf16 := func(s string) []byte {
		b, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
		return b
	}
	latin1, _ := charmap.ISO8859_1.NewEncoder().Bytes([]byte("Les forces de sécurité ont été déployées près du marché après l'attaque, a déclaré le préfet à la presse régionale."))
	tests := []struct {
		name    string
		data    []byte
		want    string // substring of the decoded text
		wantErr error
	}{
		{"utf-8", []byte("plain words"), "plain words", nil},
		{"utf-8 bom", []byte("\xef\xbb\xbfwith bom"), "with bom", nil},
		{"utf-16 bom", utf16("sixteen bits"), "sixteen bits", nil},
		{"crlf folded", []byte("one\r\ntwo\rthree"), "one\ntwo\nthree", nil},
		{"latin-1 detected", latin1, "sécurité", nil},
		{"empty", []byte(" \n\t "), "", ErrEmpty},
		{"nul bytes", []byte("abc\x00\x00def"), "", ErrBinary},
		{"png", []byte("\x89PNG\r\n\x1a\nrest"), "", ErrBinary},
		{"pdf", []byte("%PDF-1.7 stuff"), "", ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := decodeText(tt.data, "", false)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("decoded %q lacks %q", got, tt.want)
			}
		})
	}
}

func TestDecodeInvalidUTF8(t *testing.T) {
	// Undeclared bytes that are neither UTF-8 nor confidently anything
	// else must be decoded to valid text or rejected with ErrEncoding.
	data := bytes.Repeat([]byte{0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, ' '}, 20)
	got, _, err := decodeText(data, "", false)
	if err != nil && !errors.Is(err, ErrEncoding) {
		t.Fatalf("unexpected error %v", err)
	}
	if err == nil && !strings.ContainsRune(got, ' ') {
		t.Fatalf("decoded text lost its content: %q", got)
	}
}
