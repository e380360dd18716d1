"""``python -m claimwatch`` runs the command line."""

from claimwatch.cli import main

if __name__ == "__main__":
    main()
