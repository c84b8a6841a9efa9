"""Loading: turn raw input (bytes, str, Path) into a Page of ordered blocks."""
from newsclean.load.decode import decode, read_input
from newsclean.load.page import load_page
from newsclean.load.sniff import sniff_kind

__all__ = ["decode", "read_input", "sniff_kind", "load_page"]
