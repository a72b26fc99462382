variable "region" {
  description = "AWS region, e.g. eu-central-1"
  type        = string
  default     = "eu-central-1"
}

variable "name" {
  description = "Prefix of every resource's name"
  type        = string
  default     = "capstone"
}

variable "image_tag" {
  description = "The tag of the image pushed to the ECR repository (a git SHA, never latest)"
  type        = string
}

variable "app_count" {
  description = "How many API tasks run (2 for a rolling deploy without downtime; 0 for the first apply, before the roles exist)"
  type        = number
  default     = 2
}

variable "worker_count" {
  description = "How many Celery worker tasks run (0 for the first apply, before the roles exist); beat runs when it is above 0"
  type        = number
  default     = 1
}

variable "smtp_host" {
  description = "The SMTP relay the worker sends through, without credentials (deploy/docs/cloud.md, section 6)"
  type        = string
}

variable "smtp_port" {
  description = "The SMTP relay's port"
  type        = number
  default     = 25
}

variable "postgres_client_image" {
  description = "An image with psql, for the one-off task that creates the login roles"
  type        = string
  default     = "public.ecr.aws/docker/library/postgres:17"
}
