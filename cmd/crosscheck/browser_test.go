package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// browserPath finds a Chromium: $CHROME_PATH, then chromium, chromium-browser or google-chrome
// on the PATH. Without one the test skips, except under CI=true, where a missing browser is a
// broken CI machine.
func browserPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CHROME_PATH"); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			t.Fatalf("CHROME_PATH=%s: %v", p, err)
		}
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no Chromium found (looked for $CHROME_PATH, chromium, chromium-browser, google-chrome): install it with `apt-get install chromium` (Debian), or set CHROME_PATH"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// browserPage is what the test reads from a loaded briefing in one evaluation.
type browserPage struct {
	Text       string   `json:"text"`       // document.body.innerText
	Unresolved []string `json:"unresolved"` // in-page hrefs with no element of that id
	Links      int      `json:"links"`      // in-page links checked
	BadSchemes []string `json:"badSchemes"` // URLs with a javascript:, data: or vbscript: scheme
	Scripts    int      `json:"scripts"`    // document.scripts.length
	Handlers   []string `json:"handlers"`   // tag.on* attributes
	Display    string   `json:"display"`    // computed display of the body
	Visibility string   `json:"visibility"` // computed visibility of the body
	Height     float64  `json:"height"`     // the body's rendered height in CSS pixels
	Overflow   []string `json:"overflow"`   // elements wider than the viewport
	PageWidth  int      `json:"pageWidth"`  // document scroll width
	ViewWidth  int      `json:"viewWidth"`  // viewport width
}

const browserInspect = `(() => {
	const r = {text: document.body.innerText, unresolved: [], links: 0, badSchemes: [], handlers: [], overflow: []};
	for (const a of document.querySelectorAll('a[href^="#"]')) {
		const href = a.getAttribute('href');
		r.links++;
		let id = href.slice(1);
		try { id = decodeURIComponent(id); } catch (e) {}
		if (!document.getElementById(id)) r.unresolved.push(href);
	}
	for (const el of document.querySelectorAll('*')) {
		for (const at of el.attributes) {
			const name = at.name.toLowerCase();
			if (name.startsWith('on')) r.handlers.push(el.tagName.toLowerCase() + '.' + at.name);
			if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name)) {
				let scheme = '';
				try { scheme = new URL(at.value, document.baseURI).protocol; } catch (e) {}
				if (['javascript:', 'data:', 'vbscript:'].includes(scheme)) r.badSchemes.push(el.tagName.toLowerCase() + ' ' + name + '=' + at.value);
			}
		}
	}
	r.scripts = document.scripts.length;
	const cs = getComputedStyle(document.body);
	r.display = cs.display;
	r.visibility = cs.visibility;
	r.height = document.body.getBoundingClientRect().height;
	r.viewWidth = document.documentElement.clientWidth;
	r.pageWidth = document.documentElement.scrollWidth;
	// Elements that stick out of the viewport, outside a box that scrolls (a wide table may
	// scroll within itself); only the innermost of each nest, at most eight.
	const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) { if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true; } return false; };
	const wide = [];
	for (const el of document.body.querySelectorAll('*')) {
		if (el.getBoundingClientRect().right > r.viewWidth + 1 && !scrolls(el)) wide.push(el);
	}
	for (const el of wide) {
		if (wide.some(o => o !== el && el.contains(o))) continue;
		if (r.overflow.length < 8) r.overflow.push(el.tagName.toLowerCase() + ' ending at ' + Math.round(el.getBoundingClientRect().right) + ' px: ' + JSON.stringify(el.textContent.slice(0, 60)));
	}
	return r;
})()`

// browser is one headless Chromium tab with a record of the JavaScript dialogs pages open.
type browser struct {
	ctx     context.Context
	mu      sync.Mutex
	dialogs []string
}

func newBrowser(t *testing.T, exe string, parent context.Context) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.UserDataDir(t.TempDir()))
	if os.Geteuid() == 0 {
		// Chromium refuses to start its sandbox as root (CI runs as root).
		opts = append(opts, chromedp.NoSandbox)
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	b := &browser{ctx: ctx}
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("starting %s: %v", exe, err)
	}
	// An open dialog blocks the page; record it and dismiss it so the test can go on and fail.
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.dialogs = append(b.dialogs, fmt.Sprintf("%s(%q)", ev.Type, ev.Message))
			b.mu.Unlock()
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return b
}

// load opens a file at the given viewport width and inspects it.
func (b *browser) load(t *testing.T, path string, width int64) browserPage {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(u)); err != nil {
		t.Fatalf("loading %s: %v", u, err)
	}
	return b.inspect(t)
}

func (b *browser) inspect(t *testing.T) browserPage {
	t.Helper()
	p, err := chromedp.Run(b.ctx, chromedp.Evaluate[browserPage](browserInspect))
	if err != nil {
		t.Fatalf("inspecting the page: %v", err)
	}
	return p
}

// resize sets the viewport width (as a phone, from 600 px down) and returns the page's state.
func (b *browser) resize(t *testing.T, width int64) browserPage {
	t.Helper()
	var opts []chromedp.EmulateViewportOption
	if width < 600 {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(width, 900, opts...)); err != nil {
		t.Fatal(err)
	}
	return b.inspect(t)
}

// screenshot saves a full-page PNG of the current page.
func (b *browser) screenshot(t *testing.T, path string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", path, len(png))
}

func (b *browser) takeDialogs() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	d := b.dialogs
	b.dialogs = nil
	return d
}

// briefingFor runs crosscheck on an input directory into a temporary -out directory and
// returns that directory.
func briefingFor(t *testing.T, ctx context.Context, input string, extra ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	args := append([]string{"-out", out, "-fail-on", "none"}, extra...)
	var stdout, stderr bytes.Buffer
	if code := run(ctx, append(args, input), strings.NewReader(""), &stdout, &stderr); code != exitClean {
		t.Fatalf("crosscheck %s: exit %d\n%s", input, code, stderr.String())
	}
	return out
}

// checkPage fails on what must hold for every briefing: every in-page link lands on an element,
// no URL runs code, no script, no event handler, a visible body.
func checkPage(t *testing.T, name string, p browserPage) {
	t.Helper()
	for _, href := range p.Unresolved {
		t.Errorf("%s: link %s resolves to no element", name, href)
	}
	for _, s := range p.BadSchemes {
		t.Errorf("%s: %s", name, s)
	}
	if p.Scripts != 0 {
		t.Errorf("%s: the page has %d scripts; the briefing uses none", name, p.Scripts)
	}
	for _, h := range p.Handlers {
		t.Errorf("%s: event handler attribute %s", name, h)
	}
	if p.Display == "none" || p.Visibility == "hidden" || p.Height < 200 {
		t.Errorf("%s: the body is hidden (display %s, visibility %s, height %.0f px)", name, p.Display, p.Visibility, p.Height)
	}
}

// checkFindingsShown fails unless every finding of the run's findings.json, flag or agreement,
// is named on the page; it returns how many there are.
func checkFindingsShown(t *testing.T, out string, p browserPage) int {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(out, "findings.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Findings []struct{ ID, Status string }
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) == 0 {
		t.Fatal("findings.json lists no finding")
	}
	for _, f := range r.Findings {
		if !strings.Contains(p.Text, f.ID) {
			t.Errorf("finding %s (%s) is not on the page", f.ID, f.Status)
		}
	}
	return len(r.Findings)
}

// checkFits fails when the page is wider than the viewport, so that a reader must scroll
// sideways to read it; a table may scroll within itself.
func checkFits(t *testing.T, name string, p browserPage) {
	t.Helper()
	if p.PageWidth > p.ViewWidth {
		t.Errorf("%s: the page is %d px wide in a %d px viewport; sticking out: %v", name, p.PageWidth, p.ViewWidth, p.Overflow)
	}
}

// The HTML briefing works in a real browser: on the seeds, every finding of findings.json (flags
// and agreements) is on the page and every in-page link resolves; on the hostile story, no
// dialog opens, no script or handler exists, CSS injection hides nothing and every hostile
// string reads as text. Screenshots at 1280 and 390 px go to out/ for a person to look at.
func TestBriefingInBrowser(t *testing.T) {
	exe := browserPath(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	shots := filepath.Join(repo, "out")
	b := newBrowser(t, exe, ctx)

	// The dialog watch works: a page that calls alert is seen.
	control := filepath.Join(t.TempDir(), "alert.html")
	if err := os.WriteFile(control, []byte("<!DOCTYPE html><title>control</title><body><p>control page</p><script>alert('control')</script>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if p := b.load(t, control, 1280); p.Scripts != 1 {
		t.Errorf("control page: %d scripts counted, want 1", p.Scripts)
	}
	if d := b.takeDialogs(); len(d) != 1 {
		t.Fatalf("control page: dialogs seen %v, want one alert: the dialog watch does not work", d)
	}

	t.Run("seeds", func(t *testing.T) {
		seeds := filepath.Join(repo, "seeds")
		out := briefingFor(t, ctx, seeds, "-reviews", filepath.Join(seeds, "crosscheck-reviews.yaml"))
		p := b.load(t, filepath.Join(out, "briefing.html"), 1280)
		checkPage(t, "seeds", p)
		checkFits(t, "seeds at 1280 px", p)
		n := checkFindingsShown(t, out, p)
		if p.Links == 0 {
			t.Error("the seeds briefing has no in-page link")
		}
		t.Logf("seeds: %d findings, %d in-page links", n, p.Links)
		b.screenshot(t, filepath.Join(shots, "briefing-1280.png"))
		phone := b.resize(t, 390)
		checkFits(t, "seeds at 390 px", phone)
		b.screenshot(t, filepath.Join(shots, "briefing-390.png"))
		if d := b.takeDialogs(); len(d) > 0 {
			t.Errorf("the seeds briefing opened dialogs: %v", d)
		}
	})

	t.Run("hostile", func(t *testing.T) {
		dir := filepath.Join(repo, "testdata", "hostile")
		raw, err := os.ReadFile(filepath.Join(dir, "expect.json"))
		if err != nil {
			t.Fatal(err)
		}
		var want struct {
			Visible  []string `json:"visible"`
			NeverRaw []string `json:"never_raw"`
		}
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		out := briefingFor(t, ctx, dir, "-reviews", filepath.Join(t.TempDir(), "none.yaml"))
		p := b.load(t, filepath.Join(out, "briefing.html"), 1280)
		checkPage(t, "hostile", p)
		checkFits(t, "hostile at 1280 px", p)
		checkFindingsShown(t, out, p)
		for _, s := range want.Visible {
			if !strings.Contains(p.Text, s) {
				t.Errorf("the page does not show %q as text", s)
			}
		}
		for _, c := range want.NeverRaw {
			if strings.Contains(p.Text, c) {
				t.Errorf("the page's text holds a raw %U", []rune(c)[0])
			}
		}
		b.screenshot(t, filepath.Join(shots, "hostile-1280.png"))
		phone := b.resize(t, 390)
		checkFits(t, "hostile at 390 px", phone)
		b.screenshot(t, filepath.Join(shots, "hostile-390.png"))
		if d := b.takeDialogs(); len(d) > 0 {
			t.Errorf("the hostile briefing opened dialogs: %v", d)
		}
	})
}
