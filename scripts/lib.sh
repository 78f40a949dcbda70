# Shared helpers for the scripts; source it, don't run it.

# A section header, so a long `make test` log reads as a list of steps.
section() {
  printf '\n==> %s\n' "$*"
}

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# Run as root, or through sudo when we are not root (CI images usually run as root).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}
