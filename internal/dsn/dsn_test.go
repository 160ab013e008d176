package dsn

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

const secret = "s3cr:t/p@ss"

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		raw, dialect, database, redacted, driver string
	}{
		{"postgres://u:pw@db.example.com:5432/app?sslmode=require", Postgres, "app",
			"postgres://u:xxxxx@db.example.com:5432/app?sslmode=require", "postgres://u:pw@db.example.com:5432/app?sslmode=require"},
		{"postgresql://u@localhost/app", Postgres, "app", "postgres://u@localhost/app", "postgres://u@localhost/app"},
		{"mysql://root:pw@127.0.0.1:3306/app", MySQL, "app", "mysql://root:xxxxx@127.0.0.1:3306/app",
			"root:pw@tcp(127.0.0.1:3306)/app?parseTime=true"},
		{"mariadb://root@db/app", MySQL, "app", "mysql://root@db/app", "root@tcp(db:3306)/app?parseTime=true"},
		{"mysql://root@/app?socket=/run/mysqld/mysqld.sock", MySQL, "app", "mysql://root@/app?socket=/run/mysqld/mysqld.sock",
			"root@unix(/run/mysqld/mysqld.sock)/app?parseTime=true"},
		{"sqlite://data/app.db", SQLite, "data/app.db", "sqlite://data/app.db", ""},
		{"sqlite:///var/lib/app.db", SQLite, "/var/lib/app.db", "sqlite:///var/lib/app.db", ""},
	} {
		d, err := Parse(tc.raw)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.raw, err)
			continue
		}
		if d.Dialect != tc.dialect || d.Database != tc.database || d.Redacted != tc.redacted {
			t.Errorf("Parse(%q) = %s %q %q", tc.raw, d.Dialect, d.Database, d.Redacted)
		}
		if tc.driver != "" && d.driverDSN != tc.driver {
			t.Errorf("Parse(%q): driver DSN %q, want %q", tc.raw, d.driverDSN, tc.driver)
		}
		if got := d.String(); got != d.Redacted {
			t.Errorf("String() = %q", got)
		}
	}
}

func TestSQLiteReadOnly(t *testing.T) {
	d, err := Parse("sqlite://app.db")
	if err != nil {
		t.Fatal(err)
	}
	if got := d.ReadOnly().sqliteDriverDSN(); !strings.Contains(got, "mode=ro") || !strings.HasPrefix(got, "file:app.db?") {
		t.Errorf("read-only SQLite DSN %q", got)
	}
	if got := d.sqliteDriverDSN(); strings.Contains(got, "mode=ro") || !strings.Contains(got, "foreign_keys") {
		t.Errorf("SQLite DSN %q", got)
	}
}

func TestWithDatabase(t *testing.T) {
	d, err := Parse("postgres://u:" + "pw" + "@h/postgres")
	if err != nil {
		t.Fatal(err)
	}
	if o := d.WithDatabase("other"); o.Database != "other" || o.Redacted != "postgres://u:xxxxx@h/other" || d.Database != "postgres" {
		t.Errorf("WithDatabase: %+v (original %+v)", o, d)
	}
}

// TestErrorsNeverShowThePassword feeds malformed URLs holding a password
// and checks no error repeats it.
func TestErrorsNeverShowThePassword(t *testing.T) {
	for _, raw := range []string{
		"postgres://user:" + secret + "@host:notaport/db",
		"mysql://user:" + secret + "@host:99999999/db\x7f",
		"oracle://user:" + secret + "@host/db",
		"postgres//user:" + secret + "@host/db",
		"mysql://user:" + secret + "@[::1/db",
	} {
		_, err := Parse(raw)
		if err == nil {
			t.Errorf("Parse(%q) accepted a malformed URL", raw)
			continue
		}
		if strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), "p@ss") {
			t.Errorf("error shows the password: %v", err)
		}
	}
	if _, err := Parse("oracle://x"); !errors.Is(err, ErrUnknownScheme) {
		t.Errorf("unknown scheme: %v", err)
	}
}

func TestRedact(t *testing.T) {
	for raw, want := range map[string]string{
		"postgres://u:pw@h/db":    "postgres://u:xxxxx@h/db",
		"postgres://u@h/db":       "postgres://u@h/db",
		"mysql://u:p/w@d@h/db":    "mysql://u:xxxxx@h/db",
		"not a url":               "not a url",
		"sqlite://file.db":        "sqlite://file.db",
		"postgres://h/db?x=a:b@c": "postgres://h/db?x=a:xxxxx@c",
		"postgres://h/db?sslmode=disable&password=pw&x=1": "postgres://h/db?sslmode=disable&password=xxxxx&x=1",
		"host=h password=pw user=u":                       "host=h password=xxxxx user=u",
		"host=h password='p w' user=u":                    "host=h password=xxxxx user=u",
		"host=h PASSWORD = pw":                            "host=h PASSWORD = xxxxx",
	} {
		if got := Redact(raw); got != want {
			t.Errorf("Redact(%q) = %q, want %q", raw, got, want)
		}
	}
}

// TestParamsAllowList: parameters a driver would turn into session
// statements or write PRAGMAs are refused, naming the parameter; the
// connection's own settings pass and reach the driver.
func TestParamsAllowList(t *testing.T) {
	for raw, want := range map[string]string{
		"mysql://u:pw@h/db?password=%27x%27":              `"password" is not allowed`,
		"mysql://u:pw@h/db?sql_mode=ANSI":                 `"sql_mode" is not allowed`,
		"mysql://u:pw@h/db?charset=utf8mb4%2C%40x%3A%3D1": `"charset"`,
		"mysql://u:pw@h/db?collation=a%20b":               `"collation"`,
		"mysql://u:pw@h/db?timeout=soon":                  `"timeout"`,
		"postgres://u:pw@h/db?options=-c%20x%3Dy":         `"options" is not allowed`,
		"postgres://u:pw@h/db?search_path=x":              `"search_path" is not allowed`,
		"postgres://u:pw@h/db?connect_timeout=x":          `"connect_timeout"`,
		"sqlite://a.db?_pragma=journal_mode(WAL)":         `"_pragma"`,
		"sqlite://a.db?_pragma=busy_timeout(1)%3Bdrop":    `"_pragma"`,
		"sqlite://a.db?mode=rwc":                          `"mode"`,
		"sqlite://a.db?vfs=unix-none":                     `"vfs" is not allowed`,
		"sqlite://a.db?_txlock=immediate":                 `"_txlock" is not allowed`,
	} {
		_, err := Parse(raw)
		if pe, ok := errors.AsType[*ParamError](err); !ok || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v (%T), want a ParamError with %s", raw, err, pe, want)
		}
	}
	for raw, driver := range map[string]string{
		"mysql://u:pw@h/db?charset=utf8mb4&collation=utf8mb4_bin&timeout=3s&tls=false&loc=UTC": "u:pw@tcp(h:3306)/db?parseTime=true&charset=utf8mb4&collation=utf8mb4_bin&loc=UTC&timeout=3s&tls=false",
		"postgres://u:pw@h/db?sslmode=disable&connect_timeout=3&application_name=x":            "postgres://u:pw@h/db?sslmode=disable&connect_timeout=3&application_name=x",
		"sqlite://a.db?_pragma=busy_timeout(100)&mode=ro":                                      "file:a.db?_pragma=busy_timeout%28100%29&_pragma=foreign_keys%281%29&mode=ro",
	} {
		d, err := Parse(raw)
		if err != nil {
			t.Errorf("Parse(%q): %v", raw, err)
			continue
		}
		if got := d.DriverDSN(); got != driver {
			t.Errorf("Parse(%q).DriverDSN() = %q, want %q", raw, got, driver)
		}
	}
}

// TestSecrets: every form a password may be printed in is returned, so
// that callers can mask what did not come from this package.
func TestSecrets(t *testing.T) {
	got := Secrets("postgres://u:pw(x)!@h/db?sslpassword=k%2Fy")
	for _, want := range []string{"pw(x)!", "pw%28x%29%21", "k%2Fy", "k/y"} {
		if !slices.Contains(got, want) {
			t.Errorf("Secrets misses %q: %q", want, got)
		}
	}
	if got := Secrets("host=h password='p w'"); !slices.Contains(got, "p w") {
		t.Errorf("key=value: %q", got)
	}
	if got := Secrets("postgres://u@h/db"); len(got) != 0 {
		t.Errorf("no password: %q", got)
	}
}

// TestDBNameParam: PostgreSQL's dbname parameter wins over the path, for
// the database drift names and for WithDatabase.
func TestDBNameParam(t *testing.T) {
	d, err := Parse("postgres://u@h/ignored?dbname=app&sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	if d.Database != "app" {
		t.Errorf("Database = %q", d.Database)
	}
	o := d.WithDatabase("other")
	if o.Database != "other" || strings.Contains(o.DriverDSN(), "dbname") || !strings.Contains(o.DriverDSN(), "/other?") {
		t.Errorf("WithDatabase: %q %q", o.Database, o.DriverDSN())
	}
}
