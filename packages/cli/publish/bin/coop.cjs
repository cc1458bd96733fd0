#!/usr/bin/env node
// `coop` command of the @coop-sante/cli package: the single-file bundle, no dependency to install.
require('../dist/coop.cjs');
