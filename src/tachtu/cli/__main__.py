import sys

from tachtu.cli import main

sys.exit(main())
