from bodymap.cli import main

main()
