package main

import (
	"fmt"
	"io"
	"os"
)

// isTerminal reports whether w is a character device such as a terminal, not a file or a pipe.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// useColor decides whether the terminal summary is coloured. auto colours a terminal unless
// NO_COLOR is set to anything non-empty or TERM is dumb (https://no-color.org); always and never
// are the user's explicit choice and win over the environment.
func useColor(mode string, tty bool, getenv func(string) string) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		return tty && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb", nil
	}
	return false, fmt.Errorf("-color %q: use auto, always or never", mode)
}
