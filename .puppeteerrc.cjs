// Puppeteer's own postinstall download fails (and fails `npm install`) on machines
// without access to Google's storage. briefdeck skips it and runs its own step
// (`briefdeck browser --ensure`, from the `prepare` script) that tries the
// download and falls back to a system Chromium. See README "Browser".
module.exports = { skipDownload: true };
