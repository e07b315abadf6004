#!/usr/bin/env bash
# Formats the Swift sources with the toolchain's swift-format (.swift-format), then lints them
# strictly, as `make test` does. Usage: scripts/format.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift format format --in-place --recursive Sources Tests Package.swift
swift format lint --strict --recursive Sources Tests Package.swift
