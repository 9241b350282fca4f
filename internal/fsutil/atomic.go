// Package fsutil writes files atomically: to a temporary file in the same directory, synced,
// then renamed over the target, so a crash or Ctrl-C never leaves a half-written file.
package fsutil

import (
	"os"
	"path/filepath"
)

// WriteFile writes data to path atomically.
func WriteFile(path string, data []byte) error {
	var s Staged
	if err := s.Add(path, data); err != nil {
		return err
	}
	return s.Commit()
}

// Staged is a set of files written to temporary names and renamed into place together by
// Commit, so a run that fails halfway leaves all the previous files as they were.
type Staged struct {
	temps, finals []string
}

// tempPattern names the temporary files of path: hidden, in the same directory (a rename
// across file systems would not be atomic), and recognisable as leftovers of a killed run.
func tempPattern(path string) string { return "." + filepath.Base(path) + ".tmp-*" }

// Add writes data to a temporary file beside path and syncs it to disk, so that after the
// rename the file holds either the old or the new content in full, even after a power cut.
func (s *Staged) Add(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), tempPattern(path))
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	_ = os.Chmod(tmp.Name(), 0o644)
	s.temps = append(s.temps, tmp.Name())
	s.finals = append(s.finals, path)
	return nil
}

// Commit renames every staged file into place, syncs the directories so the renames survive a
// crash, and removes temporary files that a killed earlier run left beside the targets.
func (s *Staged) Commit() error {
	for i, t := range s.temps {
		if err := os.Rename(t, s.finals[i]); err != nil {
			s.Abort()
			return err
		}
		s.temps[i] = ""
	}
	dirs := map[string]bool{}
	for _, f := range s.finals {
		dir := filepath.Dir(f)
		if !dirs[dir] {
			dirs[dir] = true
			syncDir(dir)
		}
		if stale, err := filepath.Glob(filepath.Join(dir, tempPattern(f))); err == nil {
			for _, p := range stale {
				os.Remove(p)
			}
		}
	}
	return nil
}

// syncDir flushes a directory's entries. Some systems cannot sync a directory; the rename has
// happened either way, so a failure here is not an error of the write.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	d.Close()
}

// Abort removes the staged files that were not committed.
func (s *Staged) Abort() {
	for _, t := range s.temps {
		if t != "" {
			os.Remove(t)
		}
	}
}
