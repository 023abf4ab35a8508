import sys

from mypay_desk.cli import main

sys.exit(main())
