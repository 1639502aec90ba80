//go:build !windows

package config

import "os"

// syncDir fsyncs a directory, which makes a rename in it durable across a
// power cut.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
