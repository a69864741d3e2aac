"""python -m numcheck: the same as the numcheck command."""
from .cli import main

main()
