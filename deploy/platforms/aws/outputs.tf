output "url" {
  description = "The load balancer's address"
  value       = "http://${aws_lb.app.dns_name}"
}

output "repository_url" {
  description = "Push the image here: docker push <repository_url>:<image_tag>"
  value       = aws_ecr_repository.app.repository_url
}
