"""``python -m jdgen`` runs the command-line interface."""

from jdgen.cli import main

if __name__ == "__main__":
    main()
