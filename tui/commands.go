package tui

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/wcpos/wcpos-setup/wooclient"
)

// flight is one command in flight: its run id, the input it answers (an
// address, a URL, or a hash of the key pair), the cancel of its context and,
// for diagnoses, the bridge of its progress. A reply is taken only when both
// its run id and its input still match, so a reply for an address or a pair
// the user has since changed is dropped, as huh drops stale validations.
type flight struct {
	id     int
	input  string
	cancel context.CancelFunc
	events *events
}

// busy reports whether the flight is waiting for its reply.
func (f flight) busy() bool { return f.id != 0 }

// answers reports whether a reply with this run id and input is the one the
// flight waits for.
func (f flight) answers(run int, input string) bool {
	return f.id != 0 && f.id == run && f.input == input
}

// stop cancels the flight's context and forgets it; a late reply then
// matches nothing and is dropped.
func (f flight) stop() flight {
	if f.cancel != nil {
		f.cancel()
	}
	return flight{}
}

// events bridges an Observer, called on the diagnosis goroutines, into Bubble
// Tea: the observer puts results on a buffered channel and a command waits
// for the next one. The channel is never closed (observers may still be
// running when the diagnosis returns); done tells the waiter to stop.
type events struct {
	ch   chan wooclient.CheckResult
	done chan struct{}
}

// newEvents makes the bridge of one diagnosis; the buffer holds a whole
// checklist, so the observer rarely waits.
func newEvents() *events {
	return &events{ch: make(chan wooclient.CheckResult, 32), done: make(chan struct{})}
}

// observer never blocks for long: when the wizard stopped listening (the run
// was cancelled or finished) the result is dropped.
func (e *events) observer(ctx context.Context) wooclient.Observer {
	return func(r wooclient.CheckResult) {
		select {
		case e.ch <- r:
		case <-ctx.Done():
		case <-e.done:
		}
	}
}

// wait is the "next progress" command: it returns the next result of run,
// or nothing once the run is over.
func (e *events) wait(run int, input string) tea.Cmd {
	return func() tea.Msg {
		select {
		case r := <-e.ch:
			return checkProgressedMsg{run: run, input: input, result: r}
		case <-e.done:
			select {
			case r := <-e.ch:
				return checkProgressedMsg{run: run, input: input, result: r}
			default:
				return nil
			}
		}
	}
}

// The replies of the commands. Each names what happened and carries the run
// id and the input it answers.
type (
	checkProgressedMsg struct {
		run    int
		input  string
		result wooclient.CheckResult
	}
	savedCheckedMsg struct {
		run    int
		input  string
		report *wooclient.Report
		at     time.Time
	}
	storeDiscoveredMsg struct {
		run     int
		address string
		report  *wooclient.Report
	}
	keysCheckedMsg struct {
		run    int
		hash   string
		report *wooclient.Report
		at     time.Time
	}
	adminProbedMsg struct {
		run    int
		url    string
		result wooclient.CheckResult
	}
	pairReprovedMsg struct {
		run    int
		hash   string
		report *wooclient.Report
		at     time.Time
	}
	connectionSavedMsg struct {
		run  int
		hash string
		path string
		err  error
	}
	keyMintedMsg struct {
		run   int
		creds wooclient.Credentials
		err   error
	}
	readWriteGrantedMsg struct {
		run    int
		ending string
		err    error
	}
	browserOpenedMsg struct {
		url string
		err error
	}
)

// pairHash identifies a pair checked against a store without keeping the
// secret in a message: the store's home is part of it, so a pair proved on
// one store never counts for another.
func pairHash(home string, c wooclient.Credentials) string {
	sum := sha256.Sum256([]byte(home + "\x00" + c.Key + "\x00" + c.Secret))
	return hex.EncodeToString(sum[:12])
}

// begin starts a flight for input with a fresh run id and a context that
// Run's context or the flight's stop cancels.
func (m *Model) begin(input string, progress bool) (flight, context.Context) {
	m.nextRun++
	ctx, cancel := context.WithCancel(m.ctx)
	f := flight{id: m.nextRun, input: input, cancel: cancel}
	if progress {
		f.events = newEvents()
	}
	return f, ctx
}

// checkSavedCmd runs CheckSaved on the saved connection (S0) and stamps
// the reply with the time, read here rather than in Update.
func checkSavedCmd(ctx context.Context, c Checker, now func() time.Time, f flight, saved wooclient.Saved, creds wooclient.Credentials) tea.Cmd {
	return func() tea.Msg {
		defer close(f.events.done)
		rep := c.CheckSaved(ctx, saved, creds, f.events.observer(ctx))
		return savedCheckedMsg{run: f.id, input: f.input, report: rep, at: now()}
	}
}

// discoverCmd runs Discover on the address typed in S1.
func discoverCmd(ctx context.Context, c Checker, f flight, address string) tea.Cmd {
	return func() tea.Msg {
		defer close(f.events.done)
		rep := c.Discover(ctx, address, f.events.observer(ctx))
		return storeDiscoveredMsg{run: f.id, address: address, report: rep}
	}
}

// checkKeysCmd runs CheckKeys on a pair (S4, S5) and stamps the reply with
// the time the pair was proved, which becomes VerifiedAt.
func checkKeysCmd(ctx context.Context, c Checker, now func() time.Time, f flight, store wooclient.Store, creds wooclient.Credentials) tea.Cmd {
	return func() tea.Msg {
		defer close(f.events.done)
		rep := c.CheckKeys(ctx, store, creds, f.events.observer(ctx))
		return keysCheckedMsg{run: f.id, hash: f.input, report: rep, at: now()}
	}
}

// probeAdminCmd checks that the Add key page answers before anyone is sent
// there (S3).
func probeAdminCmd(ctx context.Context, c Checker, f flight) tea.Cmd {
	return func() tea.Msg {
		return adminProbedMsg{run: f.id, url: f.input, result: c.ProbeAdmin(ctx, f.input)}
	}
}

// reproveCmd checks the pair once more right before S6 saves it, so a key
// revoked or demoted while the review was on screen is never saved as
// working. Its reply carries the pair's hash like keysCheckedMsg.
func reproveCmd(ctx context.Context, c Checker, now func() time.Time, f flight, store wooclient.Store, creds wooclient.Credentials) tea.Cmd {
	return func() tea.Msg {
		rep := c.CheckKeys(ctx, store, creds, nil)
		return pairReprovedMsg{run: f.id, hash: f.input, report: rep, at: now()}
	}
}

// saveCmd saves the connection (S6): disk is touched only here.
func saveCmd(s Saver, f flight, conn Connection) tea.Cmd {
	return func() tea.Msg {
		path, err := s.Save(conn)
		return connectionSavedMsg{run: f.id, hash: f.input, path: path, err: err}
	}
}

// mintKeyCmd has the practice store generate a key (demo S3).
func mintKeyCmd(ctx context.Context, d DemoStore, f flight, description string) tea.Cmd {
	return func() tea.Msg {
		creds, err := d.MintKey(ctx, description)
		return keyMintedMsg{run: f.id, creds: creds, err: err}
	}
}

// grantCmd has the practice store set a key to Read/Write (demo S5).
func grantCmd(ctx context.Context, d DemoStore, f flight, ending string) tea.Cmd {
	return func() tea.Msg {
		return readWriteGrantedMsg{run: f.id, ending: ending, err: d.GrantReadWrite(ctx, ending)}
	}
}

// openBrowserCmd opens an admin page in the browser.
func openBrowserCmd(b Browser, url string) tea.Cmd {
	return func() tea.Msg { return browserOpenedMsg{url: url, err: b.Open(url)} }
}
