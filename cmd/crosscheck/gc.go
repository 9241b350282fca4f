package main

import (
	"bufio"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// The garbage collector's settings. Comparing a story allocates a great deal of short-lived
// garbage (tokens, candidate sets, rendered text) over a live heap that is small in batch runs
// (one story of a few articles per core) and large in big stories. With the runtime's default
// (GOGC=100) a batch run spent a third of its time collecting; at gcPercent it spends a few per
// cent. The soft limit keeps big stories from growing the heap by that factor: near the limit
// the collector runs as often as it must. Both apply only when GOGC and GOMEMLIMIT are unset,
// so a user can still choose.
const (
	gcPercent     = 200
	gcLimitMax    = 3 << 30 // bytes: the limit never exceeds this
	gcLimitShare  = 2       // and never exceeds 1/gcLimitShare of the memory available
	cgroupMemFile = "/sys/fs/cgroup/memory.max"
	meminfoFile   = "/proc/meminfo"
)

// tuneGC applies gcPercent and the soft memory limit unless the environment sets them.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(gcLimit(availableMemory(cgroupMemFile, meminfoFile)))
	debug.SetGCPercent(gcPercent)
}

// gcLimit is the soft memory limit for a machine (or container) with avail bytes; 0 means
// unknown.
func gcLimit(avail int64) int64 {
	if avail <= 0 {
		return gcLimitMax
	}
	return min(gcLimitMax, avail/gcLimitShare)
}

// availableMemory returns the memory limit of the cgroup the process runs in, or else the
// machine's total memory, in bytes; 0 when neither can be read.
func availableMemory(cgroupFile, meminfo string) int64 {
	if b, err := os.ReadFile(cgroupFile); err == nil {
		if n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil && n > 0 {
			return n // "max" (no limit) falls through to the machine's memory
		}
	}
	f, err := os.Open(meminfo)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// MemTotal:       24683748 kB
		fields := strings.Fields(sc.Text())
		if len(fields) == 3 && fields[0] == "MemTotal:" && fields[2] == "kB" {
			if n, err := strconv.ParseInt(fields[1], 10, 64); err == nil {
				return n << 10
			}
		}
	}
	return 0
}
