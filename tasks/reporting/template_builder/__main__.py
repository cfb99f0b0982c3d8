from tasks.reporting.template_builder import main

raise SystemExit(main())
