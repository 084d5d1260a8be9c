// Command go-oracle prints reference vectors for the Go standard-library behaviour that the
// Flagstaff evaluation engine re-implements (strconv.ParseFloat, strconv.ParseBool,
// time.Parse(RFC3339)/DateOnly as Flipt's tryParseDateTime does, encoding/json into
// []string / []float64, json.Compact, crc32.ChecksumIEEE, unicode.IsSpace).
//
// Usage: go run ./tools/go-oracle > src/test/resources/dev/flagstaff/evaluation/engine/go-oracle-vectors.tsv
//
// Every input is written as hex of its UTF-8 bytes so the file is unambiguous. The generator is
// deterministic (fixed seed). It is NOT part of the Maven build; the vectors file is checked in.
package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"math"
	"math/rand"
	"strconv"
	"strings"
	"time"
	"unicode"
)

func h(s string) string {
	if s == "" {
		return "-"
	}
	return hex.EncodeToString([]byte(s))
}

func randString(r *rand.Rand, alphabet []string, maxLen int) string {
	n := 1 + r.Intn(maxLen)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(alphabet[r.Intn(len(alphabet))])
	}
	return b.String()
}

func split(s string) []string {
	var out []string
	for _, c := range s {
		out = append(out, string(c))
	}
	return out
}

func main() {
	r := rand.New(rand.NewSource(20240501))

	// ---- strconv.ParseFloat(s, 64)
	floats := []string{
		"", "0", "-0", "+0", "1", "-1", "+1", " 1", "1 ", "\t1", "1\n", "1d", "1f", "1D", "1F", "1L",
		"0x1p3", "0X1P3", "0x1p-2", "0x1.8p1", "0x.8p1", "0x1.p1", "0x1", "0x", "0xp1", "0x_1p3", "0x1_0p0",
		"0x1p1_0", "0x1__0p0", "-0x1p3", "+0x1p3", "0x1P+3", "0x1.fffffffffffff8p1023", "0x1p1024", "0x1p-1080",
		"Inf", "inf", "INF", "+Inf", "-Inf", "Infinity", "-infinity", "+INFINITY", "infinit", "infx", "in", "i",
		"NaN", "nan", "NAN", "nAn", "+NaN", "-nan", "nanx", "na",
		"1_000", "1__000", "_1", "1_", "1_.5", "1._5", "1e1_0", "1_e10", "0_1", "0b1", "0o7", "017", "00",
		"1.", ".5", ".", "-.", "+.", "-.5", "1.5e", "1.5e+", "1.5e-", "1e5", "1E5", "1e+5", "1e-5", "1.e5",
		".e5", "e5", "1e", "1e+", "1..5", "1.5.5", "--1", "+-1", "-+1", "1-", "1e5.5", "1e05",
		"1e308", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e309", "-1e309",
		"1e400", "1e-400", "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-323",
		"123456789012345678901234567890", "0.1", "0.2", "0.3", "3.14", "-2.5", "100", "99.999",
		"9007199254740993", "9007199254740992", "1e22", "1e23", "123456789012345e-22", "0.000001",
		"00000000000000000000000000000000000001", "1e99999999999999", "0e99999999999999", "1e-99999999999",
		"１", "1\u00a0", "\u00a01", "٣", "1,5", "1e5 ", "0x1p3 ", "$1", "1%",
	}
	floatAlpha := split("0123456789+-.eEpPxX_infatyINFATY d")
	for i := 0; i < 4000; i++ {
		floats = append(floats, randString(r, floatAlpha, 9))
	}
	for i := 0; i < 1000; i++ {
		floats = append(floats, strconv.FormatFloat(r.NormFloat64()*math.Pow(10, float64(r.Intn(40)-20)), 'g', -1, 64))
	}
	for _, s := range floats {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			fmt.Printf("float\t%s\tERR\n", h(s))
		} else {
			fmt.Printf("float\t%s\t%016x\n", h(s), math.Float64bits(f))
		}
	}

	// ---- strconv.ParseBool
	bools := []string{"", "1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False",
		"tRUE", "yes", "no", "on", "off", " true", "true ", "2", "-1", "TrUe", "fAlse", "y", "n"}
	for _, s := range bools {
		b, err := strconv.ParseBool(s)
		if err != nil {
			fmt.Printf("bool\t%s\tERR\n", h(s))
		} else {
			fmt.Printf("bool\t%s\t%t\n", h(s), b)
		}
	}

	// ---- Flipt tryParseDateTime: RFC3339 then DateOnly
	times := []string{
		"", "2024-01-01", "2024-01-01T00:00:00Z", "2024-01-01T02:00:00+02:00", "2024-01-01T10:00:00.5+02:00",
		"2024-02-29", "2023-02-29", "2023-02-28", "2024-13-01", "2024-00-01", "2024-01-00", "2024-01-32",
		"2024-04-31", "2024-1-01", "2024-01-1", "24-01-01", "02024-01-01", "2024/01/01", "2024-01-01 ",
		" 2024-01-01", "2024-01-01T", "2024-01-01T00:00Z", "2024-01-01T00:00:00", "2024-01-01t00:00:00Z",
		"2024-01-01T00:00:00z", "2024-01-01 00:00:00Z", "2024-01-01T1:02:03Z", "2024-01-01T01:2:03Z",
		"2024-01-01T01:02:3Z", "2024-01-01T24:00:00Z", "2024-01-01T23:59:59Z", "2024-01-01T23:60:00Z",
		"2024-01-01T23:59:60Z", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00.1Z", "2024-01-01T00:00:00,5Z",
		"2024-01-01T00:00:00.123456789Z", "2024-01-01T00:00:00.1234567891Z", "2024-01-01T00:00:00.999999999999Z",
		"2024-01-01T00:00:00+00:00", "2024-01-01T00:00:00-00:00", "2024-01-01T00:00:00+23:59",
		"2024-01-01T00:00:00+0200", "2024-01-01T00:00:00+02", "2024-01-01T00:00:00+02:00:00",
		"2024-01-01T00:00:00ZZ", "2024-01-01T00:00:00Z ", "0000-01-01", "9999-12-31T23:59:59Z",
		"0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "1900-02-29",
		"2000-02-29", "2100-02-29", "2024-02-30", "2024-06-31", "2024-01-01T12:00:00+05:30",
		"2024-01-01T12:00:00-08:00", "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00Z2",
		"２０２４-01-01", "2024-01-01T00:00:00\u00a0Z", "1712345678", "2024-01-01T00:00:00.+01:00",
	}
	valid := []string{"2024-03-15T12:34:56Z", "2024-03-15T12:34:56.789+05:30", "2024-03-15", "1999-12-31T23:59:59-01:00"}
	timeAlpha := split("0123456789-:TZ+.,tz ")
	for i := 0; i < 4000; i++ {
		b := []byte(valid[r.Intn(len(valid))])
		muts := 1 + r.Intn(2)
		for m := 0; m < muts; m++ {
			switch r.Intn(4) {
			case 0, 1:
				b[r.Intn(len(b))] = timeAlpha[r.Intn(len(timeAlpha))][0]
			case 2:
				p := r.Intn(len(b))
				b = append(b[:p], b[p+1:]...)
			default:
				p := r.Intn(len(b) + 1)
				c := timeAlpha[r.Intn(len(timeAlpha))][0]
				b = append(b[:p], append([]byte{c}, b[p:]...)...)
			}
		}
		times = append(times, string(b))
	}
	for _, s := range times {
		t, err := time.Parse(time.RFC3339, s)
		if err == nil {
			// go1.19's general parser reads zone offsets with atoi and without range checks; go1.20+
			// (what Flipt v1.59.3 is built with) requires two digits each and hour<=24, minute<=60.
			// go1.19 also loses the error of a missing seconds field when a fraction follows
			// ("23:59:.9Z"); go1.20+ checks it ("if err != nil { break }").
			if strings.Contains(s, ":.") || strings.Contains(s, ":,") {
				fmt.Printf("time\t%s\tDIVERGENT\n", h(s))
				continue
			}
			if !strings.HasSuffix(s, "Z") {
				tz := s[len(s)-6:]
				dig := func(c byte) bool { return c >= '0' && c <= '9' }
				if !(dig(tz[1]) && dig(tz[2]) && dig(tz[4]) && dig(tz[5])) ||
					(int(tz[1]-'0')*10+int(tz[2]-'0')) > 24 || (int(tz[4]-'0')*10+int(tz[5]-'0')) > 60 {
					fmt.Printf("time\t%s\tDIVERGENT\n", h(s))
					continue
				}
			}
		} else {
			t, err = time.Parse("2006-01-02", s)
		}
		if err != nil {
			fmt.Printf("time\t%s\tERR\n", h(s))
		} else {
			t = t.UTC()
			fmt.Printf("time\t%s\t%d\t%d\n", h(s), t.Unix(), t.Nanosecond())
		}
	}

	// ---- encoding/json into []string and []float64
	arrays := []string{
		"", "[]", "[ ]", " [ ] ", "null", " null ", "nul", "[null]", "[\"a\"]", "[\"a\",\"b\"]", "[\"a\" , \"b\" ]",
		"[\"a\",]", "[,\"a\"]", "[\"a\" \"b\"]", "[\"a\"", "\"a\"", "[\"a\"]x", "[\"a\"] ", "[\"a\"]\n",
		"[\"a\\\"b\"]", "[\"\\u00e9\"]", "[\"\\ud83d\\ude00\"]", "[\"\\ud83d\"]", "[\"\\ude00x\"]", "[\"\\ud83dx\"]",
		"[\"\\ud83d\\u0041\"]", "[\"\\x41\"]", "[\"\\/\\b\\f\\n\\r\\t\\\\\"]", "[\"tab\there\"]", "[\"é\"]",
		"[1]", "[1,2]", "[1.5,-2e3,0]", "[-0]", "[01]", "[1.]", "[.5]", "[+1]", "[1e400]", "[-1e400]", "[1e-400]",
		"[1,\"a\"]", "[\"a\",1]", "[true]", "[false]", "[[]]", "[{}]", "[1,null]", "[null,\"x\"]", "{}", "1", "true",
		"[1 2]", "[NaN]", "[Infinity]", "[0x10]", "[1E2]", "[1e+2]", "[-]", "[1e]", "[\"\\u12\"]", "[\"\\u123g\"]",
		"\ufeff[]", "[\"a\"]\u00a0", "\t[\r\n\"a\"\t]\r\n", "[\"a\",null,\"b\"]", "[-1.0e-0]", "[0.0]", "[1.7976931348623157e308]",
	}
	arrAlpha := split("[]\",\\ 01.eE+-nultrfa\\u")
	for i := 0; i < 3000; i++ {
		arrays = append(arrays, "["+randString(r, arrAlpha, 8)+"]")
	}
	for _, s := range arrays {
		strs := []string{}
		if err := json.Unmarshal([]byte(s), &strs); err != nil {
			fmt.Printf("strs\t%s\tERR\n", h(s))
		} else {
			var parts []string
			for _, e := range strs {
				parts = append(parts, h(e))
			}
			fmt.Printf("strs\t%s\tOK\t%s\n", h(s), strings.Join(parts, ","))
		}
		nums := []float64{}
		if err := json.Unmarshal([]byte(s), &nums); err != nil {
			fmt.Printf("nums\t%s\tERR\n", h(s))
		} else {
			var parts []string
			for _, e := range nums {
				parts = append(parts, fmt.Sprintf("%016x", math.Float64bits(e)))
			}
			fmt.Printf("nums\t%s\tOK\t%s\n", h(s), strings.Join(parts, ","))
		}
	}

	// ---- json.Compact (attachments)
	compacts := []string{"{}", "{ \"a\" : 1 }", "{\n  \"hex\": \"#f00\",\n  \"list\": [1, 2, 3]\n}",
		"[ \"a b\" , \"c\\\" d\" ]", "\"x y\"", " 1 ", "{\"a\":{\"b\":[ true , false , null ]}}",
		"{\"s\":\"  spaced  \\\\ \"}", "{\"u\": \"é \\u00e9\"}"}
	for _, s := range compacts {
		var buf bytes.Buffer
		if err := json.Compact(&buf, []byte(s)); err != nil {
			fmt.Printf("compact\t%s\tERR\n", h(s))
		} else {
			fmt.Printf("compact\t%s\t%s\n", h(s), h(buf.String()))
		}
	}

	// ---- crc32.ChecksumIEEE
	crcs := []string{"", "a", "testentity-1", "checkout", "colorjürgen", "entity😀key", "日本語"}
	for i := 0; i < 200; i++ {
		crcs = append(crcs, randString(r, split("abcXYZ019-_@.äö€😀 "), 40))
	}
	for _, s := range crcs {
		fmt.Printf("crc\t%s\t%d\n", h(s), crc32.ChecksumIEEE([]byte(s)))
	}

	// ---- unicode.IsSpace over the BMP (what strings.TrimSpace trims)
	var spaces []string
	for c := rune(0); c <= 0xFFFF; c++ {
		if unicode.IsSpace(c) {
			spaces = append(spaces, fmt.Sprintf("%04x", c))
		}
	}
	fmt.Printf("spaces\t%s\n", strings.Join(spaces, ","))
	for _, s := range []string{" a ", "\u0085a\u00a0", "\u200ba\u200b", "\u3000\u2000a\u205f", "\u001ca\u001f", "\u180ea"} {
		fmt.Printf("trim\t%s\t%s\n", h(s), h(strings.TrimSpace(s)))
	}
}
