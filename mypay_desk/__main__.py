import multiprocessing
import sys

from mypay_desk.cli import main

if __name__ == "__main__":
    # frozen builds: let worker processes (barcode encoding for large notice batches) start properly
    multiprocessing.freeze_support()
    sys.exit(main())
