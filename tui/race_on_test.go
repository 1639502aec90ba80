//go:build race

package tui

// raceEnabled is true under -race: the layout sweeps over every language
// are pure functions of their input, already run by the plain go test, and
// take minutes under the race detector without finding anything it could.
const raceEnabled = true
