"""The load benchmark's viewers load only this machine, and say each error they meet."""

import pytest

from dashboard.ui.load_viewers import check_loopback, run_viewers


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8080", "http://127.0.0.1:8080/", "http://localhost:8080", "http://[::1]:8080"]
)
def test_an_address_on_this_machine_is_loaded(url):
    assert check_loopback(url) == url.rstrip("/")


@pytest.mark.parametrize(
    "url", ["http://10.0.0.5:8080", "http://192.168.1.10", "http://example.org", "ftp://127.0.0.1", "127.0.0.1:8080"]
)
def test_an_address_elsewhere_is_refused(url):
    with pytest.raises(ValueError, match="only an address on this machine"):
        check_loopback(url)


def test_a_server_that_is_not_there_counts_as_errors_not_pages(unused_port):
    result = run_viewers(f"http://127.0.0.1:{unused_port}", 2, 1)
    assert result.errors >= 2 and result.page_p50_s == 0.0
    assert result.pages == result.errors
    assert any("Connection refused" in error for error in result.first_errors)


@pytest.fixture
def unused_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
