"""Lets ``python -m kg`` behave exactly like the ``kg`` console script."""

from kg.cli import main

main()
