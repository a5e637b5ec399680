from lsk.cli import main

raise SystemExit(main())
