//go:build unix

package source

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe with an article's name is skipped; opening it would wait for a writer forever.
func TestNamedPipeIsSkippedWithoutBlocking(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", []byte("The council met."))
	pipe := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		files, probs := Collect([]string{dir})
		if len(files) != 1 || len(probs) != 1 || !strings.Contains(probs[0].Error(), pipe+": not a regular file (a named pipe)") {
			t.Errorf("walk: files %v, problems %v", files, probs)
		}
		if d, probs := LoadFile(pipe, Options{}); d != nil || len(probs) != 1 || !strings.Contains(probs[0].Msg, "named pipe") {
			t.Errorf("named on the command line: %v %v", d, probs)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("loading a named pipe blocked")
	}
}

// An unreadable file is reported. Root reads it anyway: then the test checks that the file is
// loaded rather than reported (cmd/crosscheck runs the check as an unprivileged user).
func TestUnreadableFileIsReportedUnlessRoot(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "locked.txt", []byte("The council met on Monday."))
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	d, probs := LoadFile(p, Options{})
	if os.Geteuid() == 0 {
		if d == nil {
			t.Errorf("root could not load a mode 000 file: %v", probs)
		}
		return
	}
	if d != nil || len(probs) != 1 || probs[0].Error() != p+": cannot read: permission denied" {
		t.Errorf("got %v %v", d, probs)
	}
}
