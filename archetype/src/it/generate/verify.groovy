// The generated project has what the archetype promises, and its build ran its test.
def demo = new File(basedir, "demo")
[
  "pom.xml", "README.md", "mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties",
  "config/app.yaml", "public/index.html", "src/main/resources/logback.xml",
  "src/main/java/com/example/demo/App.java", "src/main/java/com/example/demo/Greet.java",
  "src/main/java/com/example/demo/Timing.java", "src/test/java/com/example/demo/GreetTest.java"
].each { assert new File(demo, it).isFile() : "missing " + it }
assert new File(demo, "mvnw").canExecute() : "mvnw is not executable"
def report = new File(demo, "target/surefire-reports/TEST-com.example.demo.GreetTest.xml")
assert report.isFile() : "the generated project's test did not run"
assert report.text.contains('failures="0"') && report.text.contains('errors="0"')
assert !report.text.contains('tests="0"')
return true
