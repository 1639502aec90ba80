package wooclient

import (
	"errors"
	"fmt"
	"net"
	"os"
	"runtime"
	"syscall"
	"testing"
	"unsafe"
)

// TestOfflineInEmptyNetworkNamespace runs hasNetwork, and the cause it
// decides, in a network namespace of its own (root only): with loopback up
// and a link that is up but has no address, the terminal is offline
// (API01007 "this terminal has no network", domain.md §5); once that link has
// an address, a failed dial is the network being unreachable (API01006), not
// the terminal being offline.
func TestOfflineInEmptyNetworkNamespace(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root for a network namespace of its own")
	}
	// The namespace belongs to this thread alone: it is never unlocked, so
	// the thread ends with the test's goroutine and the namespace with it.
	runtime.LockOSThread()
	if err := syscall.Unshare(syscall.CLONE_NEWNET); err != nil {
		t.Skipf("no network namespace: %v", err)
	}
	unreachable := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ENETUNREACH)}
	must(t, setUp("lo"))
	if hasNetwork() {
		t.Error("only loopback is up: hasNetwork() = true, want false")
	}
	if err := addLink("wcpos0"); errors.Is(err, syscall.ENOENT) {
		t.Skipf("no tun devices: %v", err)
	} else {
		must(t, err)
	}
	must(t, setUp("wcpos0"))
	if ifc, err := net.InterfaceByName("wcpos0"); err != nil || ifc.Flags&net.FlagUp == 0 {
		t.Fatalf("wcpos0 is not up: %v %v", ifc, err)
	} else if addrs, _ := ifc.Addrs(); len(addrs) > 0 {
		t.Fatalf("wcpos0 has addresses %v; the test needs it bare", addrs)
	}
	if hasNetwork() {
		t.Error("loopback and a link without an address: hasNetwork() = true, want false")
	}
	if c, _ := networkCause(unreachable, hasNetwork); c != CauseOffline {
		t.Errorf("unreachable with no network: cause %s, want %s", c, CauseOffline)
	}
	must(t, setAddr("wcpos0", [4]byte{10, 9, 9, 1}))
	if !hasNetwork() {
		t.Error("a link up with 10.9.9.1: hasNetwork() = false, want true")
	}
	if c, _ := networkCause(unreachable, hasNetwork); c != CauseUnreachable {
		t.Errorf("unreachable with a network: cause %s, want %s", c, CauseUnreachable)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// ifreq is Linux's struct ifreq: a name and a 24-byte union (flags or an
// address).
type ifreq struct {
	name [16]byte
	data [24]byte
}

func newIfreq(name string) *ifreq {
	var r ifreq
	copy(r.name[:], name)
	return &r
}

func ioctl(fd int, req uintptr, r *ifreq) error {
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), req, uintptr(unsafe.Pointer(r))); e != 0 {
		return e
	}
	return nil
}

// inetSocket is the socket interface ioctls go through.
func inetSocket() (int, error) {
	return syscall.Socket(syscall.AF_INET, syscall.SOCK_DGRAM|syscall.SOCK_CLOEXEC, 0)
}

// setUp sets IFF_UP on an interface, like `ip link set NAME up`.
func setUp(name string) error {
	fd, err := inetSocket()
	if err != nil {
		return err
	}
	defer syscall.Close(fd)
	r := newIfreq(name)
	if err := ioctl(fd, syscall.SIOCGIFFLAGS, r); err != nil {
		return fmt.Errorf("flags of %s: %w", name, err)
	}
	*(*uint16)(unsafe.Pointer(&r.data[0])) |= syscall.IFF_UP
	if err := ioctl(fd, syscall.SIOCSIFFLAGS, r); err != nil {
		return fmt.Errorf("bringing %s up: %w", name, err)
	}
	return nil
}

// addLink makes a persistent tun device, like `ip tuntap add NAME mode
// tun`: with no program attached it has no carrier, so the kernel gives it
// no address of its own.
func addLink(name string) error {
	fd, err := syscall.Open("/dev/net/tun", syscall.O_RDWR|syscall.O_CLOEXEC, 0)
	if err != nil {
		return fmt.Errorf("opening /dev/net/tun: %w", err)
	}
	defer syscall.Close(fd)
	r := newIfreq(name)
	*(*uint16)(unsafe.Pointer(&r.data[0])) = syscall.IFF_TUN | syscall.IFF_NO_PI
	if err := ioctl(fd, syscall.TUNSETIFF, r); err != nil {
		return fmt.Errorf("creating %s: %w", name, err)
	}
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), syscall.TUNSETPERSIST, 1); e != 0 {
		return fmt.Errorf("keeping %s: %w", name, e)
	}
	return nil
}

// setAddr gives an interface an IPv4 address, like `ip addr add`.
func setAddr(name string, ip [4]byte) error {
	fd, err := inetSocket()
	if err != nil {
		return err
	}
	defer syscall.Close(fd)
	r := newIfreq(name)
	sa := (*syscall.RawSockaddrInet4)(unsafe.Pointer(&r.data[0]))
	sa.Family, sa.Addr = syscall.AF_INET, ip
	if err := ioctl(fd, syscall.SIOCSIFADDR, r); err != nil {
		return fmt.Errorf("address of %s: %w", name, err)
	}
	return nil
}
