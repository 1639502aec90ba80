package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer the program writes while the test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *lockedBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *lockedBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// lineBot answers the accessible wizard so that it walks a scenario to the
// end it allows, or stops at the blocker: in demo mode it repairs the
// saved connection with a key the practice admin makes (scanned, then
// fixed to Read/Write if need be); with a pair to type it starts over and
// types it, upper-cased first (refused) and swapped (put back). Then it
// saves and asks for the support report. Where only an admin could go on
// (a store blocker, a key no click fixes) it quits.
type lineBot struct {
	typed practicePair
	asked map[string]int
}

// rule is the answers to a question, by how often it was asked before.
func (b *lineBot) rule(q string) (string, []string, bool) {
	saved, have := "2", "2" // repair; no key yet: the practice admin makes one
	key, secret := []string{"q"}, []string{"q"}
	if b.typed.key != "" {
		saved, have = "3", "1" // start over; I have the key and the secret
		key = []string{strings.ToUpper(b.typed.key), b.typed.secret, b.typed.line()}
		secret = []string{b.typed.key}
	}
	for _, r := range []struct {
		prefix  string
		answers []string
	}{
		{"Type 1 to keep it, 2 to repair it", []string{saved}},
		{"Store address", []string{"", "q"}}, // the address given; quit at a blocker
		{"Is this your store?", []string{"y"}},
		{"Type 1, 2 or 3:", []string{have}},
		{"Type g to have the practice store generate", []string{"g", "s"}},
		{"Press Enter when you have the key and the secret", []string{""}},
		{"Press Enter to use key", []string{""}},
		{"Consumer key", key},
		{"Consumer secret", secret},
		{"Type f to have the practice admin fix it", []string{"f"}},
		{"Press Enter to check again once it is changed", []string{"q"}},
		{"Press Enter to check again", []string{""}},
		{"Save this connection", []string{"y"}},
		{"Type c to print a support report", []string{"c"}},
		{"Quit without saving?", []string{"y"}},
	} {
		if strings.HasPrefix(q, r.prefix) {
			return r.prefix, r.answers, true
		}
	}
	return "", nil, false
}

// knows reports whether q is a question the bot answers.
func (b *lineBot) knows(q string) bool {
	_, _, ok := b.rule(q)
	return ok
}

// answer answers q and counts it asked.
func (b *lineBot) answer(q string) string {
	prefix, answers, _ := b.rule(q)
	if b.asked == nil {
		b.asked = map[string]int{}
	}
	n := b.asked[prefix]
	b.asked[prefix]++
	return answers[min(n, len(answers)-1)]
}

// lineSession is the accessible wizard running in process, its standard
// input a pipe the test answers on, question by question.
type lineSession struct {
	t              *testing.T
	stdin          *io.PipeWriter
	stdout, stderr lockedBuffer
	code           chan int
}

// startLines runs the app in this process with args and env.
func startLines(t *testing.T, env map[string]string, args ...string) *lineSession {
	t.Helper()
	r, w := io.Pipe()
	s := &lineSession{t: t, stdin: w, code: make(chan int, 1)}
	a := &app{stdin: r, stdout: &s.stdout, stderr: &s.stderr, version: buildVersion{Version: "test"},
		getenv: func(k string) string { return env[k] }}
	go func() {
		// Named signals: with none, every signal would cancel the run, the
		// SIGCHLD of other tests' processes included.
		code := a.main(context.Background(), args, os.Interrupt)
		_ = r.CloseWithError(io.EOF) // an answer written after the end fails instead of blocking
		s.code <- code
	}()
	t.Cleanup(func() { _ = w.Close() })
	return s
}

// converse answers each question with answer(question) until the program
// ends, and returns its exit code. A question is the last line printed,
// printed since the previous answer, when answer knows it.
func (s *lineSession) converse(bot *lineBot) int {
	s.t.Helper()
	from := 0
	for n := 0; ; n++ {
		if n > 60 {
			s.t.Fatalf("more than 60 questions; the walk goes round in circles:\n%s", outputTail(s.stdout.String(), 3000))
		}
		q, code, ended := s.nextQuestion(from, bot.knows)
		if ended {
			return code
		}
		line := bot.answer(q)
		from = len(s.stdout.String())
		if _, err := io.WriteString(s.stdin, line+"\n"); err != nil {
			s.t.Fatalf("answering %q: %v\n%s", q, err, outputTail(s.stdout.String(), 3000))
		}
	}
}

// nextQuestion waits for a question printed after from, or the end.
func (s *lineSession) nextQuestion(from int, known func(string) bool) (string, int, bool) {
	s.t.Helper()
	deadline := time.After(20 * time.Second)
	for {
		select {
		case code := <-s.code:
			return "", code, true
		case <-deadline:
			s.t.Fatalf("no question after 20s; the output ends:\n%s\nstderr: %s", outputTail(s.stdout.String(), 3000), s.stderr.String())
		case <-time.After(5 * time.Millisecond):
		}
		out := s.stdout.String()
		if len(out) <= from || !strings.HasSuffix(out, "\n") {
			continue
		}
		lines := strings.Split(strings.TrimSuffix(out[from:], "\n"), "\n")
		if q := lines[len(lines)-1]; q != "" {
			if known(q) {
				return q, 0, false
			}
		}
	}
}
