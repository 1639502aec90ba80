//go:build windows

package config

// syncDir does nothing on Windows: Go cannot open a directory there for
// FlushFileBuffers, so there is no directory sync to ask for. The file
// itself is still synced before os.Rename (MoveFileEx with
// MOVEFILE_REPLACE_EXISTING) puts it in place.
func syncDir(string) error { return nil }
