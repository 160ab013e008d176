// Package boundedread reads files that a repository controls (the
// configuration, a baseline, SQL migrations) without trusting them: only
// regular files, and only up to a size cap. A committed symlink to
// /dev/zero or a FIFO would otherwise exhaust memory or hang the run.
package boundedread

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// MaxSize is the cap for the files schemalint reads: far above any real
// configuration, baseline or migration file.
const MaxSize = 16 << 20

// File reads path, following symlinks, if it is a regular file of at most
// limit bytes. The errors name the path and say what is wrong with it.
func File(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := check(path, st, limit); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close() //nolint:errcheck // read-only
	// The file may have been replaced or grown since Stat: check again on
	// what is open, and never read past the cap.
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := check(path, st, limit); err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, tooLarge(path, limit)
	}
	return b, nil
}

func check(path string, st os.FileInfo, limit int64) error {
	switch {
	case st.IsDir():
		return &os.PathError{Op: "read", Path: path, Err: errors.New("is a directory, not a file")}
	case !st.Mode().IsRegular():
		return &os.PathError{Op: "read", Path: path, Err: fmt.Errorf("is not a regular file (%s)", Kind(st.Mode()))}
	case st.Size() > limit:
		return tooLarge(path, limit)
	}
	return nil
}

func tooLarge(path string, limit int64) error {
	size := fmt.Sprintf("%d bytes", limit)
	if limit >= 1<<20 {
		size = fmt.Sprintf("%d MiB", limit>>20)
	}
	return &os.PathError{Op: "read", Path: path, Err: fmt.Errorf("is larger than %s, the most schemalint reads", size)}
}

// Kind names a file type that is not a regular file or a directory, for
// messages: "a named pipe", "a character device"...
func Kind(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a device"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return m.Type().String()
}
