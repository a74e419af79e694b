// Archetypes do not keep file modes: make the generated Maven wrapper runnable again.
def project = new File(request.outputDirectory, request.artifactId)
def wrapper = new File(project, "mvnw")
if (wrapper.isFile()) {
  wrapper.setExecutable(true, false)
}
