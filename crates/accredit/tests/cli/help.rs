//! A snapshot of every subcommand's `--help`, so a change to the interface is
//! seen in review (`cargo insta review` to accept one).

use super::run;

#[test]
fn every_subcommand_help_is_snapshotted() {
    for command in [
        vec!["--help"],
        vec!["validate", "--help"],
        vec!["score", "--help"],
        vec!["report", "--help"],
        vec!["rules", "--help"],
        vec!["schema", "--help"],
        vec!["guide", "--help"],
        vec!["init", "--help"],
        vec!["diff", "--help"],
        vec!["portfolio", "--help"],
        vec!["keygen", "--help"],
        vec!["verify", "--help"],
        vec!["timeline", "--help"],
        vec!["plan", "--help"],
        vec!["completions", "--help"],
    ] {
        let (code, stdout, _) = run(&command);
        assert_eq!(code, 0, "{command:?}");
        let name = format!("help_{}", command[0].trim_start_matches('-'));
        insta::assert_snapshot!(name, stdout);
    }
}
