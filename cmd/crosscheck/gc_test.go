package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestGCLimit(t *testing.T) {
	for _, c := range []struct{ avail, want int64 }{
		{0, gcLimitMax},        // unknown: the cap
		{24 << 30, gcLimitMax}, // a big machine: the cap
		{2 << 30, 1 << 30},     // a 2 GiB container: half of it
		{512 << 20, 256 << 20}, // a small one
	} {
		if got := gcLimit(c.avail); got != c.want {
			t.Errorf("gcLimit(%d) = %d, want %d", c.avail, got, c.want)
		}
	}
}

func TestAvailableMemory(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	meminfo := write("meminfo", "MemTotal:       24683748 kB\nMemFree:         1000 kB\n")
	limited := write("limited", "2147483648\n")
	unlimited := write("unlimited", "max\n")
	missing := filepath.Join(dir, "missing")
	for _, c := range []struct {
		name, cgroup, meminfo string
		want                  int64
	}{
		{"cgroup limit", limited, meminfo, 2 << 30},
		{"no cgroup limit: machine memory", unlimited, meminfo, 24683748 << 10},
		{"no cgroup file", missing, meminfo, 24683748 << 10},
		{"nothing readable", missing, missing, 0},
	} {
		if got := availableMemory(c.cgroup, c.meminfo); got != c.want {
			t.Errorf("%s: availableMemory = %d, want %d", c.name, got, c.want)
		}
	}
}
