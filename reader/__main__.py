from reader.cli.main import run

run()
