// Command sitrep turns news reports about political violence into a coded,
// evidence-backed incident database.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/sitrep-org/sitrep/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, version, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
