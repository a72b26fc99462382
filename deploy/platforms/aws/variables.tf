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
  description = "How many API tasks run (2 for a rolling deploy without downtime)"
  type        = number
  default     = 2
}
