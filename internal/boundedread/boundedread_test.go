package boundedread

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.yml")
	if err := os.WriteFile(small, []byte("rules: {}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.sql")
	if err := os.WriteFile(big, make([]byte, 2048), 0o600); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.yml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.yml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	linkToSmall := filepath.Join(dir, "link.yml")
	if err := os.Symlink(small, linkToSmall); err != nil {
		t.Fatal(err)
	}

	if b, err := File(small, 1024); err != nil || string(b) != "rules: {}\n" {
		t.Errorf("small file: %q, %v", b, err)
	}
	if b, err := File(linkToSmall, 1024); err != nil || string(b) != "rules: {}\n" {
		t.Errorf("symlink to a regular file: %q, %v", b, err)
	}
	for _, tc := range []struct{ path, want string }{
		{big, "is larger than"},
		{zero, "is not a regular file (a character device)"},
		{fifo, "is not a regular file (a named pipe)"},
		{dir, "is a directory"},
		{filepath.Join(dir, "missing"), "no such file"},
	} {
		done := make(chan error, 1)
		go func() { _, err := File(tc.path, 1024); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.path) {
				t.Errorf("File(%s) = %v, want an error naming the path and saying %q", tc.path, err, tc.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("File(%s) hangs", tc.path)
		}
	}
}
