package analyzers

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// TestREADMEOptionDefaults: the README's table of rule options names every
// option of every rule, with the default the code uses (scalars and
// lists; structured options are described in words). The README once said
// SL200's partial_indexes defaults to true while the code said false.
func TestREADMEOptionDefaults(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{}
	for line := range strings.Lines(string(b)) {
		if m := regexp.MustCompile("^\\| (SL\\d+) \\| (.*`.*)\\|\\s*$").FindStringSubmatch(line); m != nil && strings.Contains(m[2], "` (") {
			rows[m[1]] = m[2]
		}
	}
	option := regexp.MustCompile("`([a-z_]+)` \\(((?:[^()]|\\([^()]*\\))*)\\)")
	for _, r := range Rules() {
		if r.Options == nil {
			continue
		}
		defaults := reflect.ValueOf(r.Options()).Elem()
		row, ok := rows[r.ID]
		if !ok {
			if defaults.NumField() > 0 {
				t.Errorf("%s has options but no row in the README's option table", r.ID)
			}
			continue
		}
		documented := map[string]string{}
		for _, m := range option.FindAllStringSubmatch(row, -1) {
			documented[m[1]] = strings.TrimSpace(strings.SplitN(strings.SplitN(m[2], ":", 2)[0], ";", 2)[0])
		}
		for i := 0; i < defaults.NumField(); i++ {
			name, _, _ := strings.Cut(defaults.Type().Field(i).Tag.Get("yaml"), ",")
			if name == "" || name == "-" {
				continue
			}
			if !strings.Contains(row, "`"+name+"`") {
				t.Errorf("%s: option %s is not in the README's table", r.ID, name)
				continue
			}
			doc, ok := documented[name]
			if !ok {
				continue // described in words, as for structured options
			}
			v := defaults.Field(i)
			var want string
			switch v.Kind() {
			case reflect.Bool, reflect.String:
				want = fmt.Sprint(v.Interface())
			case reflect.Slice:
				if v.Type().Elem().Kind() != reflect.String {
					continue
				}
				want = "[" + strings.Join(v.Interface().([]string), ", ") + "]"
			default:
				continue
			}
			if !strings.HasPrefix(doc, want) && (want != "" || doc != "") {
				t.Errorf("%s: README says %s defaults to %q, the code to %q", r.ID, name, doc, want)
			}
		}
	}
}
