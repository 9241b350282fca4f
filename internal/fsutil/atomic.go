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

// Add writes data to a temporary file beside path.
func (s *Staged) Add(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
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

// Commit renames every staged file into place.
func (s *Staged) Commit() error {
	for i, t := range s.temps {
		if err := os.Rename(t, s.finals[i]); err != nil {
			s.Abort()
			return err
		}
		s.temps[i] = ""
	}
	return nil
}

// Abort removes the staged files that were not committed.
func (s *Staged) Abort() {
	for _, t := range s.temps {
		if t != "" {
			os.Remove(t)
		}
	}
}
